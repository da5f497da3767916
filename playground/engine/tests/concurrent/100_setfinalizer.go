package main

import (
	"fmt"
	"runtime"
	"time"
)

type Resource struct {
	name string
	buf  []byte
}

func main() {
	done := make(chan string, 1)
	func() {
		r := &Resource{name: "file-1", buf: make([]byte, 1024)}
		runtime.SetFinalizer(r, func(r *Resource) {
			done <- "finalized " + r.name
		})
	}()
	for i := 0; i < 10; i++ {
		runtime.GC()
		select {
		case msg := <-done:
			fmt.Println(msg)
			return
		case <-time.After(10 * time.Millisecond):
		}
	}
	fmt.Println("finalizer did not run")
}
