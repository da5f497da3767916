package main

import (
	"fmt"
	"runtime"
	"sync"
)

func main() {
	fmt.Println("at start:", runtime.NumGoroutine())
	release := make(chan struct{})
	var started, finished sync.WaitGroup
	for i := 0; i < 5; i++ {
		started.Add(1)
		finished.Add(1)
		go func() {
			defer finished.Done()
			started.Done()
			<-release
		}()
	}
	started.Wait()
	fmt.Println("with five parked:", runtime.NumGoroutine())
	close(release)
	finished.Wait()
	for runtime.NumGoroutine() > 1 {
		runtime.Gosched()
	}
	fmt.Println("after they exit:", runtime.NumGoroutine())
}
