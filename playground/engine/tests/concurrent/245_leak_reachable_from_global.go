// Leaks Go's profile does not report: a goroutine blocked on a channel,
// WaitGroup or Cond that a global still holds may, for all the garbage
// collector knows, be woken by code that reads the global. Blocked
// forever, yet not in the goroutineleak profile; the same waits on
// locals are.
package main

import (
	"bytes"
	"fmt"
	"runtime/pprof"
	"strings"
	"sync"
	"time"
)

var (
	results = make(chan int)
	group   sync.WaitGroup
	cond    = sync.NewCond(&sync.Mutex{})
)

func main() {
	go func() { results <- 1 }()
	group.Add(1)
	go func() { group.Wait() }()
	go func() {
		cond.L.Lock()
		cond.Wait()
	}()
	local := make(chan int)
	go func() { <-local }()
	time.Sleep(10 * time.Millisecond)
	var buf bytes.Buffer
	pprof.Lookup("goroutineleak").WriteTo(&buf, 2)
	s := buf.String()
	fmt.Println("blocked:", strings.Count(s, "]:")-1)
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		if strings.Contains(l, "(leaked)]") {
			fmt.Println("leaked", l[strings.Index(l, "["):], strings.SplitN(lines[i+1], "(", 2)[0])
		}
	}
}
