// The counter of 270_lost_update_counter with atomic.AddInt64: the load,
// the add and the store are one indivisible operation, so no update is
// ever lost, whatever the schedule.
package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

func main() {
	var counter int64
	var wg sync.WaitGroup
	wg.Add(2)
	for range 2 {
		go func() {
			defer wg.Done()
			for range 1000 {
				atomic.AddInt64(&counter, 1)
			}
		}()
	}
	wg.Wait()
	fmt.Println(atomic.LoadInt64(&counter))
}
