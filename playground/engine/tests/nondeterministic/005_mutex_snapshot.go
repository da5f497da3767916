// Open: how many increments main sees when it reads the counter under the
// lock before waiting. Two goroutines each add 1 under the mutex while main
// computes for 50µs, so main's snapshot is 0, 1 or 2 (with one P the
// goroutines cannot run yet: 0); after wg.Wait it is always 2.
package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	var (
		mu sync.Mutex
		n  int
		wg sync.WaitGroup
	)
	for range 2 {
		wg.Go(func() {
			mu.Lock()
			n++
			mu.Unlock()
		})
	}
	for start := time.Now(); time.Since(start) < 50*time.Microsecond; {
	}
	mu.Lock()
	seen := n
	mu.Unlock()
	wg.Wait()
	fmt.Println("seen", seen, "final", n)
}
