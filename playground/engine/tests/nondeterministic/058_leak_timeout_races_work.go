// Timeout against work, with an unbuffered result channel: the worker
// spins for about as long as the caller waits. If the result comes first
// the caller takes it and nothing leaks; if the timer fires first the
// caller leaves, and the worker's send blocks forever on a channel
// nothing running holds: the goroutine leak profile reports it.
package main

import (
	"bytes"
	"fmt"
	"runtime/pprof"
	"strings"
	"time"
)

func fetch() {
	ch := make(chan int)
	go func() {
		for start := time.Now(); time.Since(start) < 100*time.Microsecond; {
		}
		ch <- 1
	}()
	select {
	case v := <-ch:
		fmt.Println("got", v)
	case <-time.After(100 * time.Microsecond):
		fmt.Println("timed out")
	}
}

func main() {
	fetch()
	time.Sleep(10 * time.Millisecond)
	var buf bytes.Buffer
	pprof.Lookup("goroutineleak").WriteTo(&buf, 1)
	fmt.Println(strings.SplitN(buf.String(), "\n", 2)[0])
}
