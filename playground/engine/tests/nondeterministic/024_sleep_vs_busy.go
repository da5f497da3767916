// Open: whether a goroutine sleeping 20µs wakes before main ends 200µs of
// work. With one P main never yields during the work, so the sleeper
// prints after it; with more, an idle P fires the timer and runs it.
package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	var wg sync.WaitGroup
	wg.Go(func() {
		time.Sleep(20 * time.Microsecond)
		fmt.Println("slept")
	})
	for start := time.Now(); time.Since(start) < 200*time.Microsecond; {
	}
	fmt.Println("busy")
	wg.Wait()
}
