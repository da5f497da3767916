// Open: whether the goroutine's send has happened by the time main's
// non-blocking select runs. Main computes for 150µs first; with one P the
// goroutine cannot run before the select (default), with more it may
// already have sent (got 1).
package main

import (
	"fmt"
	"time"
)

func main() {
	ch := make(chan int, 1)
	go func() { ch <- 1 }()
	for start := time.Now(); time.Since(start) < 150*time.Microsecond; {
	}
	select {
	case v := <-ch:
		fmt.Println("got", v)
	default:
		fmt.Println("default")
	}
}
