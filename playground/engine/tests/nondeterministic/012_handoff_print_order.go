// Open: who prints first after an unbuffered handoff. The send and the
// receive complete together; after that the sender's "sent" and the
// receiver's "received" are not ordered against each other. (Main
// computes for 100µs first, so that with several Ps the sender is often
// the one waiting.)
package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	ch := make(chan int)
	var wg sync.WaitGroup
	wg.Go(func() {
		ch <- 1
		fmt.Println("sent")
	})
	for start := time.Now(); time.Since(start) < 100*time.Microsecond; {
	}
	<-ch
	fmt.Println("received")
	wg.Wait()
}
