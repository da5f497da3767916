package main

import (
	"fmt"
	"sync"
)

func main() {
	start := make(chan struct{})
	var ready, done sync.WaitGroup
	var mu sync.Mutex
	woke := 0
	for i := 0; i < 10; i++ {
		ready.Add(1)
		done.Add(1)
		go func() {
			defer done.Done()
			ready.Done()
			<-start
			mu.Lock()
			woke++
			mu.Unlock()
		}()
	}
	ready.Wait()
	close(start) // wakes every receiver at once
	done.Wait()
	fmt.Println("woke", woke)
}
