// Open: the order in which three goroutines take a mutex. Each appends its
// name under the lock, so the slice is the order the lock was granted in:
// any of the 6 orders.
package main

import (
	"fmt"
	"strings"
	"sync"
)

func main() {
	var (
		mu    sync.Mutex
		order []string
		wg    sync.WaitGroup
	)
	for _, name := range []string{"a", "b", "c"} {
		wg.Go(func() {
			mu.Lock()
			order = append(order, name)
			mu.Unlock()
		})
	}
	wg.Wait()
	fmt.Println(strings.Join(order, " "))
}
