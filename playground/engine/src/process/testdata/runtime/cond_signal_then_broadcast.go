// Signal wakes the first waiter; Broadcast readies the rest in ticket
// order, the last of them landing in runnext.
package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	var mu sync.Mutex
	c := sync.NewCond(&mu)
	var wg sync.WaitGroup
	for _, n := range []string{"a", "b", "c", "d"} {
		wg.Add(1)
		go func() {
			mu.Lock()
			c.Wait()
			fmt.Println(n)
			mu.Unlock()
			wg.Done()
		}()
		time.Sleep(time.Millisecond)
	}
	mu.Lock()
	c.Signal()
	mu.Unlock()
	time.Sleep(time.Millisecond)
	mu.Lock()
	c.Broadcast()
	mu.Unlock()
	wg.Wait()
}
