// A sort.Slice less function that waits on a channel and then panics:
// nothing recovers it, and the goroutine dies with the less function's
// frame on top of the trace, as in Go.
package main

import (
	"fmt"
	"sort"
)

func main() {
	ch := make(chan int)
	go func() { ch <- 1 }()
	xs := []int{3, 1, 2}
	fmt.Println("sorting")
	sort.Slice(xs, func(i, j int) bool {
		if <-ch == 1 {
			panic(fmt.Sprintf("less(%d, %d)", i, j))
		}
		return xs[i] < xs[j]
	})
	fmt.Println("not reached")
}
