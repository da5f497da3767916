// A String method that calls runtime.Goexit, once straight away and once
// after waiting on a channel: the goroutine's deferred calls run (fmt's
// catchPanic recovers nothing from a Goexit) and it exits without
// printing the line.
package main

import (
	"fmt"
	"runtime"
	"sync"
)

type quitter struct{ ch chan int }

func (q quitter) String() string {
	if q.ch != nil {
		<-q.ch
	}
	runtime.Goexit()
	return "unreachable"
}

func main() {
	var wg sync.WaitGroup
	for _, q := range []quitter{{}, {make(chan int)}} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer fmt.Println("deferred call ran, channel:", q.ch != nil)
			fmt.Println("printing", q)
			fmt.Println("not reached")
		}()
		if q.ch != nil {
			q.ch <- 1
		}
		wg.Wait()
	}
	fmt.Println("main done")
}
