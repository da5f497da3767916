// Double send: a worker reports an error and then, by mistake, its
// result too; the caller reads only the first message. The second send
// blocks forever on a channel nothing else holds. The fixed worker
// returns after the error.
package main

import (
	"bytes"
	"errors"
	"fmt"
	"runtime/pprof"
	"strings"
	"time"
)

type result struct {
	n   int
	err error
}

func work(fixed bool) result {
	ch := make(chan result)
	go func() {
		err := errors.New("bad input")
		if err != nil {
			ch <- result{err: err}
			if fixed {
				return
			}
		}
		ch <- result{n: 1}
	}()
	return <-ch
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
	fmt.Println(work(true).err)
	report("fixed:")
	fmt.Println(work(false).err)
	report("double send:")
}
