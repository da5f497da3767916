// Open: the prints around two sends through a channel with room for one.
// The second send needs the first value received, so s1 comes before r2;
// otherwise the producer runs ahead: 5 of the 6 interleavings of s1 s2 and
// r1 r2 (all but r1 r2 s1 s2). Main computes for 100µs before receiving.
package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	ch := make(chan int, 1)
	var wg sync.WaitGroup
	wg.Go(func() {
		for i := 1; i <= 2; i++ {
			ch <- i
			fmt.Print("s", i, " ")
		}
	})
	for start := time.Now(); time.Since(start) < 100*time.Microsecond; {
	}
	for range 2 {
		fmt.Print("r", <-ch, " ")
	}
	wg.Wait()
	fmt.Println("end")
}
