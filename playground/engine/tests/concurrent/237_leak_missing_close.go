// Missing close: a consumer ranges over a channel its producer never
// closes. Once the producer is done and the function has returned,
// nothing that runs can reach the channel: the consumer is leaked.
// The twin closes the channel and leaks nothing.
package main

import (
	"bytes"
	"fmt"
	"runtime/pprof"
	"strings"
	"time"
)

func consume(jobs []int, closeIt bool) {
	ch := make(chan int)
	go func() {
		for v := range ch {
			_ = v
		}
	}()
	for _, j := range jobs {
		ch <- j
	}
	if closeIt {
		close(ch)
	}
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
	consume([]int{1, 2, 3}, true)
	report("closed:")
	consume([]int{1, 2, 3}, false)
	report("never closed:")
}
