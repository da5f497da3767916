package main

import (
	"fmt"

	"golang.org/x/sync/errgroup"
)

// A group goroutine that never returns keeps Wait waiting: with nothing
// else to run, the runtime reports a deadlock.
func main() {
	var g errgroup.Group
	results := make(chan int)
	for i := range 3 {
		g.Go(func() error {
			results <- i * 10
			return nil
		})
	}
	fmt.Println("first:", <-results)
	fmt.Println(g.Wait())
}
