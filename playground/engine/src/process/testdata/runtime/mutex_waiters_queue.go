// Two goroutines queue on a held mutex; the one started last runs first
// (runnext), so it queues first and gets the mutex first.
package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	var mu sync.Mutex
	var wg sync.WaitGroup
	mu.Lock()
	wg.Add(2)
	for _, name := range []string{"x", "y"} {
		go func() {
			mu.Lock()
			fmt.Println(name)
			mu.Unlock()
			wg.Done()
		}()
	}
	time.Sleep(time.Millisecond)
	fmt.Println("main")
	mu.Unlock()
	wg.Wait()
}
