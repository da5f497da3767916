// Open: the order of 0, 1, 2 and 3, each printed by its own goroutine; any
// of the 24 orders is allowed. "done" is printed after wg.Wait, so last.
package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	for i := range 4 {
		wg.Go(func() {
			fmt.Print(i, " ")
		})
	}
	wg.Wait()
	fmt.Println("done")
}
