// Timeout with an unbuffered result channel: the caller gives up after
// 10ms, the work takes 100ms, and its send then blocks forever: nobody
// will ever receive. With a buffer of one the late result lands in the
// buffer and the worker exits.
package main

import (
	"bytes"
	"fmt"
	"runtime/pprof"
	"strings"
	"time"
)

func withTimeout(size int) {
	ch := make(chan int, size)
	go func() {
		time.Sleep(100 * time.Millisecond)
		ch <- 1
	}()
	select {
	case v := <-ch:
		fmt.Println("got", v)
	case <-time.After(10 * time.Millisecond):
		fmt.Println("timed out")
	}
}

func report(label string) {
	time.Sleep(200 * time.Millisecond)
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
	withTimeout(1)
	report("buffered:")
	withTimeout(0)
	report("unbuffered:")
}
