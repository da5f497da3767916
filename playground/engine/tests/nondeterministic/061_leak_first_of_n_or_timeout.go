// N senders, one reader, and a timeout: three workers spin for about as
// long as the caller waits, then send on an unbuffered channel. The
// caller takes the first result, or gives up when its timer fires. Every
// worker it did not receive from blocks in chan send forever, on a
// channel nothing running holds once first has returned: leaked.
package main

import (
	"bytes"
	"fmt"
	"runtime/pprof"
	"strings"
	"time"
)

func first() {
	ch := make(chan int)
	for i := 0; i < 3; i++ {
		go func(id int) {
			for start := time.Now(); time.Since(start) < 100*time.Microsecond; {
			}
			ch <- id
		}(i)
	}
	select {
	case <-ch:
		fmt.Println("got a result")
	case <-time.After(100 * time.Microsecond):
		fmt.Println("timed out")
	}
}

func main() {
	first()
	time.Sleep(10 * time.Millisecond)
	var buf bytes.Buffer
	pprof.Lookup("goroutineleak").WriteTo(&buf, 1)
	fmt.Println(strings.SplitN(buf.String(), "\n", 2)[0])
}
