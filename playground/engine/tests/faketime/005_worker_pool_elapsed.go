// Ten one-second jobs: one worker takes ten seconds, three take four,
// ten take one. Elapsed times are rounded to the second, as a lesson on
// worker pools would print them.
package main

import (
	"fmt"
	"sync"
	"time"
)

func run(workers int) time.Duration {
	start := time.Now()
	jobs := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range jobs {
				time.Sleep(time.Second)
			}
		}()
	}
	for j := 0; j < 10; j++ {
		jobs <- j
	}
	close(jobs)
	wg.Wait()
	return time.Since(start).Round(time.Second)
}

func main() {
	for _, w := range []int{1, 3, 10} {
		fmt.Printf("%2d workers: %v\n", w, run(w))
	}
}
