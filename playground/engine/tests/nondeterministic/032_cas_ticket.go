// Open: which ticket each goroutine draws. Each takes the next number with
// a compare-and-swap loop, so a, b and c get 0, 1 and 2 in any of the 6
// assignments.
package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

func main() {
	var (
		next    atomic.Int32
		tickets [3]int32
		wg      sync.WaitGroup
	)
	for i := range 3 {
		wg.Go(func() {
			for {
				n := next.Load()
				if next.CompareAndSwap(n, n+1) {
					tickets[i] = n
					return
				}
			}
		})
	}
	wg.Wait()
	fmt.Println("a", tickets[0], "b", tickets[1], "c", tickets[2])
}
