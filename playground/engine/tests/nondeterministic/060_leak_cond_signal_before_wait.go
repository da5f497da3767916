// Cond without a condition: the waiter calls Wait without checking any
// state, and the signaller signals once after about 100µs of work. If the
// waiter is waiting by then, Signal wakes it; if not (always, with one P:
// the new goroutine waits in runnext while the spin keeps the P), the
// wakeup is lost and the waiter sleeps in sync.Cond.Wait forever, on a
// Cond nothing running can reach once notify has returned: leaked.
package main

import (
	"bytes"
	"fmt"
	"runtime/pprof"
	"strings"
	"sync"
	"time"
)

func notify() {
	var mu sync.Mutex
	c := sync.NewCond(&mu)
	go func() {
		mu.Lock()
		c.Wait()
		mu.Unlock()
	}()
	for start := time.Now(); time.Since(start) < 100*time.Microsecond; {
	}
	mu.Lock()
	c.Signal()
	mu.Unlock()
}

func main() {
	notify()
	time.Sleep(10 * time.Millisecond)
	var buf bytes.Buffer
	pprof.Lookup("goroutineleak").WriteTo(&buf, 1)
	fmt.Println(strings.SplitN(buf.String(), "\n", 2)[0])
}
