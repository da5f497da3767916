// Open: which ready case the worker's select takes. The send always has
// room in the buffer; once main has cancelled, Done is ready too, and Go
// picks among ready cases at random.
package main

import (
	"context"
	"fmt"
	"sync"
)

func main() {
	ctx, cancel := context.WithCancel(context.Background())
	out := make(chan int, 1)
	var wg sync.WaitGroup
	wg.Go(func() {
		select {
		case out <- 42:
			fmt.Println("sent")
		case <-ctx.Done():
			fmt.Println("cancelled")
		}
	})
	cancel()
	wg.Wait()
}
