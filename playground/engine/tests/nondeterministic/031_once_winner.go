// Open: which goroutine's function sync.Once runs. Three call Do with
// their own function; exactly one runs, whichever comes first.
package main

import (
	"fmt"
	"sync"
)

func main() {
	var (
		once   sync.Once
		winner string
		wg     sync.WaitGroup
	)
	for _, name := range []string{"a", "b", "c"} {
		wg.Go(func() {
			once.Do(func() { winner = name })
		})
	}
	wg.Wait()
	fmt.Println("once ran", winner)
}
