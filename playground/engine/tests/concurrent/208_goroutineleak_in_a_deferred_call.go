// A function starts a sender that blocks on its second send, receives
// once, and writes the goroutine leak profile from its own deferred call,
// as leak tests do. While the deferred call runs, the function has
// returned: its frame keeps alive only its results (Go's stack map at
// deferreturn), so nothing running can reach the channel and the sender
// is reported leaked.
package main

import (
	"bytes"
	"fmt"
	"runtime/pprof"
	"strings"
)

func leaky() {
	ch := make(chan int)
	go func() {
		ch <- 1
		ch <- 2
	}()
	defer func() {
		var buf bytes.Buffer
		pprof.Lookup("goroutineleak").WriteTo(&buf, 1)
		report := buf.String()
		fmt.Println(strings.SplitN(report, "\n", 2)[0])
		fmt.Println("leaked senders:", strings.Count(report, "main.leaky.func1+0x"))
	}()
	fmt.Println("received", <-ch)
}

func main() {
	leaky()
	fmt.Println("done")
}
