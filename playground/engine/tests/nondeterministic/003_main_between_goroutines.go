// Open: where main's own print falls among the goroutines'. Main prints
// "main" right after starting a and b, before waiting for them, so a and b
// may print before it, after it, or one on each side: all 6 orders of the
// three words are allowed.
package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	for _, s := range []string{"a", "b"} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			fmt.Print(s, " ")
		}()
	}
	fmt.Print("main ")
	wg.Wait()
	fmt.Println("end")
}
