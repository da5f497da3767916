// Early return: a function starts a worker that sends its result on an
// unbuffered channel, then returns on an error without receiving. The
// worker is leaked in chan send. With a buffer of one the worker's send
// completes and it exits: no leak.
package main

import (
	"bytes"
	"errors"
	"fmt"
	"runtime/pprof"
	"strings"
	"time"
)

func fetch(buffered bool, fail bool) error {
	var ch chan int
	if buffered {
		ch = make(chan int, 1)
	} else {
		ch = make(chan int)
	}
	go func() {
		ch <- 42
	}()
	if fail {
		return errors.New("validation failed")
	}
	fmt.Println("result", <-ch)
	return nil
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
	fmt.Println(fetch(false, false))
	report("no error:")
	fmt.Println(fetch(true, true))
	report("error, buffered:")
	fmt.Println(fetch(false, true))
	report("error, unbuffered:")
}
