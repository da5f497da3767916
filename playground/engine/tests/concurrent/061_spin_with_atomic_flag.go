package main

import (
	"fmt"
	"runtime"
	"sync/atomic"
)

func main() {
	var ready atomic.Bool
	var result atomic.Int64
	go func() {
		result.Store(1234)
		ready.Store(true)
	}()
	for !ready.Load() {
		runtime.Gosched()
	}
	fmt.Println("result", result.Load())
}
