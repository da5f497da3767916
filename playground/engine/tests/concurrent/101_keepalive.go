package main

import (
	"fmt"
	"runtime"
	"sync/atomic"
)

type handle struct{ id int }

var finalized atomic.Bool

func main() {
	h := &handle{id: 7}
	runtime.SetFinalizer(h, func(*handle) { finalized.Store(true) })
	id := h.id
	for i := 0; i < 3; i++ {
		runtime.GC()
	}
	fmt.Println("using handle", id, "finalized early:", finalized.Load())
	runtime.KeepAlive(h)
}
