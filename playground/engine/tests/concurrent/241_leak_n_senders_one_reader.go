// N senders and one reader: five goroutines send on an unbuffered
// channel and the caller takes the first answer only; the four others
// block in chan send on a channel nothing running holds. With a buffer of
// five every sender finishes. A sender that sends a variable its closure
// captured is not reported, though: Go passes the value to chansend by
// its address, inside the closure, which the blocked sender's sudog keeps
// alive, and the closure holds the channel too.
package main

import (
	"bytes"
	"fmt"
	"runtime/pprof"
	"strings"
	"time"
)

func firstOfParams(size int) {
	ch := make(chan int, size)
	for i := 0; i < 5; i++ {
		go func(v int) { ch <- v }(i)
	}
	<-ch
}

func firstOfCaptured() {
	ch := make(chan int)
	for i := 0; i < 5; i++ {
		go func() { ch <- i }()
	}
	<-ch
}

func report(label string) {
	time.Sleep(10 * time.Millisecond)
	var buf bytes.Buffer
	pprof.Lookup("goroutineleak").WriteTo(&buf, 2)
	// Each leaked goroutine as its wait reason and its innermost function
	// of the program, counted.
	var order []string
	count := map[string]int{}
	for _, g := range strings.Split(buf.String(), "\n\n") {
		lines := strings.Split(g, "\n")
		if !strings.Contains(lines[0], "(leaked)]") {
			continue
		}
		fn := "?"
		for _, l := range lines[1:] {
			if strings.HasPrefix(l, "main.") {
				fn = l[:strings.LastIndex(l, "(")]
				break
			}
		}
		key := lines[0][strings.Index(lines[0], "["):] + " " + fn
		if count[key] == 0 {
			order = append(order, key)
		}
		count[key]++
	}
	fmt.Println(label)
	for _, k := range order {
		fmt.Println("  leaked", count[k], k)
	}
}

func main() {
	firstOfParams(5)
	report("buffered:")
	firstOfParams(0)
	report("unbuffered:")
	firstOfCaptured()
	report("unbuffered, sending a captured variable:")
}
