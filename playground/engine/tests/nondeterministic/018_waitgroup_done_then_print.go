// Open: what the goroutine prints after wg.Done. Done lets main's Wait
// return; the goroutine's print may come before main's, after it, or not
// at all if main returns (ending the program) first.
package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		wg.Done()
		fmt.Println("after Done")
	}()
	wg.Wait()
	fmt.Println("main")
}
