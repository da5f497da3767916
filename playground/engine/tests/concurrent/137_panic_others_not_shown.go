package main

import (
	"runtime"
	"sync"
)

func main() {
	block := make(chan int)
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() {
			wg.Done()
			<-block
		}()
	}
	wg.Wait()
	runtime.Gosched()
	// Only the panicking goroutine is traced (GOTRACEBACK=single).
	panic("main panics while three goroutines wait")
}
