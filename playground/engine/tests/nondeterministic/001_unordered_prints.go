// Open: the order of a, b and c. Three goroutines print a letter each and
// nothing orders them against each other; "end" comes after wg.Wait, so it
// is always last. With one P, Go runs c first (the last go statement's G
// waits in runnext), then a and b from the run queue.
package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	for _, s := range []string{"a", "b", "c"} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			fmt.Print(s, " ")
		}()
	}
	wg.Wait()
	fmt.Println("end")
}
