package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	start := time.Now()
	fmt.Println(start.Unix(), start.UnixNano()%1000)
	var mu sync.Mutex
	cond := sync.NewCond(&mu)
	ready := 0
	var wg sync.WaitGroup
	for i := range 3 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mu.Lock()
			ready++
			for ready < 4 {
				cond.Wait()
			}
			fmt.Println("worker", i, "released")
			mu.Unlock()
		}()
	}
	time.Sleep(300 * time.Millisecond)
	mu.Lock()
	ready++
	cond.Broadcast()
	mu.Unlock()
	wg.Wait()
	fmt.Println(time.Since(start).Round(100 * time.Millisecond))
	t := time.NewTicker(100 * time.Millisecond)
	n := 0
	for range t.C {
		n++
		if n == 3 {
			t.Stop()
			break
		}
	}
	fmt.Println("ticks", n, time.Since(start).Round(100 * time.Millisecond))
}
