// WaitGroup misuse: one worker returns early without calling Done, so
// the goroutine that waits for the group and then closes the results
// channel blocks in sync.WaitGroup.Wait forever. Main gives up after a
// timeout; then nothing running holds the WaitGroup: leaked. The fixed
// workers defer Done.
package main

import (
	"bytes"
	"fmt"
	"runtime/pprof"
	"strings"
	"sync"
	"time"
)

func gather(fixed bool) {
	var wg sync.WaitGroup
	done := make(chan struct{})
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() {
			if fixed {
				defer wg.Done()
			}
			if i == 1 {
				return // forgot wg.Done()
			}
			if !fixed {
				wg.Done()
			}
		}()
	}
	go func() {
		wg.Wait()
		close(done)
	}()
	select {
	case <-done:
		fmt.Println("all done")
	case <-time.After(50 * time.Millisecond):
		fmt.Println("gave up waiting")
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
	gather(true)
	report("fixed:")
	gather(false)
	report("missing Done:")
}
