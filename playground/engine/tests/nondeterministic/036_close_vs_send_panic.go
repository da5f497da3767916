// Open: whether the goroutine's send or main's close comes first. Main
// computes for 150µs, then closes. A send first leaves the value in the
// buffer for main to read (exit 0); a close first (always, with one P)
// makes the send panic, and the program dies with exit code 2.
package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	ch := make(chan int, 1)
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		ch <- 1
		wg.Done()
	}()
	for start := time.Now(); time.Since(start) < 150*time.Microsecond; {
	}
	close(ch)
	wg.Wait()
	v, ok := <-ch
	fmt.Println(v, ok)
}
