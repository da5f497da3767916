package main

import (
	"fmt"
	"sync"
)

func main() {
	var mu sync.Mutex
	cond := sync.NewCond(&mu)
	ready := false
	waiting := 0
	var wg sync.WaitGroup
	for i := 0; i < 5; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mu.Lock()
			waiting++
			for !ready {
				cond.Wait()
			}
			mu.Unlock()
		}()
	}
	// Wait until all five are parked, then release them together.
	for {
		mu.Lock()
		if waiting == 5 {
			ready = true
			mu.Unlock()
			break
		}
		mu.Unlock()
	}
	cond.Broadcast()
	wg.Wait()
	fmt.Println("all", waiting, "released")
}
