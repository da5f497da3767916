// The goroutine leak profile follows Go's liveness: once main stops
// using a channel, the goroutine blocked on it is leaked even though the
// variable is still in scope. A channel main uses again keeps its
// waiter off the report.
package main

import (
	"bytes"
	"fmt"
	"runtime/pprof"
	"strings"
	"time"
)

func waitOn(ch chan int, name string) {
	<-ch
	fmt.Println(name, "got a value")
}

func main() {
	forgotten := make(chan int)
	go waitOn(forgotten, "forgotten")

	kept := make(chan int)
	go waitOn(kept, "kept")

	time.Sleep(10 * time.Millisecond)

	var buf bytes.Buffer
	pprof.Lookup("goroutineleak").WriteTo(&buf, 1)
	report := buf.String()
	fmt.Println(strings.SplitN(report, "\n", 2)[0])
	fmt.Println("leaked waiters:", strings.Count(report, "main.waitOn+0x"))

	// kept is used after the profile: its waiter was never leaked.
	kept <- 1
	time.Sleep(time.Millisecond)
	fmt.Println("done")
}
