// Open: how far the producer has got each time main receives. The producer
// computes for 30µs before each send; after main's k-th receive, len(ch) =
// sent - k, where sent only grows, is at least k and at most 3: 5
// sequences.
package main

import (
	"fmt"
	"time"
)

func main() {
	ch := make(chan int, 3)
	go func() {
		for i := 1; i <= 3; i++ {
			for start := time.Now(); time.Since(start) < 30*time.Microsecond; {
			}
			ch <- i
		}
		close(ch)
	}()
	fmt.Print("len after each receive:")
	for range ch {
		fmt.Print(" ", len(ch))
	}
	fmt.Println()
}
