// Open: which goroutine's Add comes first, and which prints first. The two
// are independent: the first Add returns 1, but its print may come second.
package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

func main() {
	var (
		n  atomic.Int32
		wg sync.WaitGroup
	)
	for _, s := range []string{"a", "b"} {
		wg.Go(func() {
			v := n.Add(1)
			fmt.Println(s, v)
		})
	}
	wg.Wait()
}
