package main

import (
	"fmt"

	"golang.org/x/sync/errgroup"
)

// Changing the limit while goroutines hold it panics, as errgroup does.
func main() {
	var g errgroup.Group
	g.SetLimit(3)
	block := make(chan struct{})
	g.Go(func() error { <-block; return nil })
	fmt.Println("one running")
	g.SetLimit(1)
	close(block)
	fmt.Println(g.Wait())
}
