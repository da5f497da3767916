// close readies every parked receiver at once, last parked first (Go's
// glist); each goes to runnext in turn, kicking the one before to the
// queue: the first receiver runs first, then the last, then the middle.
package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	c := make(chan int)
	var wg sync.WaitGroup
	for _, name := range []string{"a", "b", "c"} {
		wg.Add(1)
		go func() {
			<-c
			fmt.Println(name)
			wg.Done()
		}()
		time.Sleep(time.Millisecond)
	}
	close(c)
	wg.Wait()
}
