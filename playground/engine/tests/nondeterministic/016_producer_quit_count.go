// Open: how many values the producer sent before it saw quit closed. Main
// receives 3 and closes quit; by then the producer may have filled the
// buffer (2 more), and once quit is closed a select with room in the buffer
// picks either case at random: 3, 4 or 5.
package main

import (
	"fmt"
	"sync"
)

func main() {
	ch := make(chan int, 2)
	quit := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		n := 0
		for {
			select {
			case ch <- n:
				n++
			case <-quit:
				fmt.Println("sent", n)
				return
			}
		}
	})
	for range 3 {
		<-ch
	}
	close(quit)
	wg.Wait()
}
