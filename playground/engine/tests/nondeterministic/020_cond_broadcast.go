// Open: the order in which goroutines woken by one Broadcast print. Each
// waits for ready under the lock; a goroutine that comes late sees ready
// and does not wait at all. They print after unlocking: any of 6 orders.
package main

import (
	"fmt"
	"sync"
)

func main() {
	var (
		mu    sync.Mutex
		ready bool
		wg    sync.WaitGroup
	)
	cond := sync.NewCond(&mu)
	for _, s := range []string{"a", "b", "c"} {
		wg.Go(func() {
			mu.Lock()
			for !ready {
				cond.Wait()
			}
			mu.Unlock()
			fmt.Print(s, " ")
		})
	}
	mu.Lock()
	ready = true
	cond.Broadcast()
	mu.Unlock()
	wg.Wait()
	fmt.Println("end")
}
