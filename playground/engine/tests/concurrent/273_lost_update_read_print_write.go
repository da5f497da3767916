// counter++ written out as its read and its write, with a print between
// them so the moment between is a step of its own (the book's "lost
// update" playground). On one P each goroutine reads, prints and writes
// before the other starts: counter = 2. On two Ps a goroutine can read
// while the other is between its read and its write: both read 0, both
// write 1, and one increment is lost.
package main

import (
	"fmt"
	"sync"
)

var counter int

func main() {
	var wg sync.WaitGroup
	wg.Add(2)
	for _, name := range []string{"A", "B"} {
		go func() {
			defer wg.Done()
			n := counter // counter++ reads...
			fmt.Println(name, "read", n)
			counter = n + 1 // ...and writes back
		}()
	}
	wg.Wait()
	fmt.Println("counter =", counter)
}
