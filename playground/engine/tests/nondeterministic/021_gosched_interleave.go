// Open: how two goroutines that yield after every print interleave. Each
// prints its letter three times; Gosched only offers the P to others, so on
// one P they alternate, and on more any interleaving of aaa and bbb (20)
// is allowed.
package main

import (
	"fmt"
	"runtime"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	for _, s := range []string{"a", "b"} {
		wg.Go(func() {
			for range 3 {
				fmt.Print(s)
				runtime.Gosched()
			}
		})
	}
	wg.Wait()
	fmt.Println()
}
