// Two goroutines each add 1,000 to a shared counter with counter++ and no
// lock. counter++ is a load, an add and a store: on one P the goroutines
// take turns at safe points only and the count is 2000; on several Ps a
// store can overwrite increments the other goroutine made since the load
// (a lost update; tests/lost_updates.rs finds one and names its lines).
package main

import (
	"fmt"
	"sync"
)

func main() {
	counter := 0
	var wg sync.WaitGroup
	wg.Add(2)
	for range 2 {
		go func() {
			defer wg.Done()
			for range 1000 {
				counter++
			}
		}()
	}
	wg.Wait()
	fmt.Println(counter)
}
