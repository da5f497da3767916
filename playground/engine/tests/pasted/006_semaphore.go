// Bounding concurrency with a buffered channel used as a semaphore.
package main

import (
	"fmt"
	"sync"
	"sync/atomic"
	"time"
)

func main() {
	sem := make(chan struct{}, 3)
	var wg sync.WaitGroup
	var running, peak atomic.Int32
	for i := 0; i < 10; i++ {
		wg.Add(1)
		go func(id int) {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			n := running.Add(1)
			for {
				p := peak.Load()
				if n <= p || peak.CompareAndSwap(p, n) {
					break
				}
			}
			time.Sleep(10 * time.Millisecond)
			running.Add(-1)
		}(i)
	}
	wg.Wait()
	fmt.Println("peak concurrency:", peak.Load())
}
