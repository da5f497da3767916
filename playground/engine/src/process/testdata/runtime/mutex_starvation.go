// A locks, sleeps 2 ms and unlocks, three times; B tries at 0.5 ms. In
// normal mode A, running, would take the mutex back each time; B has
// waited over 1 ms by A's second unlock, switches the mutex to starvation
// mode and is handed it at the next unlock.
package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	var mu sync.Mutex
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		for _, label := range []string{"A 0", "A 1", "A 2"} {
			mu.Lock()
			fmt.Println(label)
			time.Sleep(2 * time.Millisecond)
			mu.Unlock()
		}
		wg.Done()
	}()
	go func() {
		time.Sleep(time.Millisecond / 2)
		mu.Lock()
		fmt.Println("B")
		mu.Unlock()
		wg.Done()
	}()
	wg.Wait()
}
