// Open: the order in which goroutines woken by one close print. a, b and c
// all wait on start (main sleeps so that they park first); close wakes
// them together and nothing orders their prints: any of the 6 orders, then
// "end".
package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	start := make(chan struct{})
	var wg sync.WaitGroup
	for _, s := range []string{"a", "b", "c"} {
		wg.Go(func() {
			<-start
			fmt.Print(s, " ")
		})
	}
	time.Sleep(time.Millisecond)
	close(start)
	wg.Wait()
	fmt.Println("end")
}
