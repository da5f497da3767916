// Open: whether a 10µs timer or 10µs of work finishes first. With one P
// the worker runs while main waits in the select, and no timer runs before
// its send unless the OS stalls the thread long enough for sysmon to
// preempt it; with more Ps a free P can fire the timer first.
package main

import (
	"fmt"
	"time"
)

func main() {
	done := make(chan bool)
	go func() {
		for start := time.Now(); time.Since(start) < 10*time.Microsecond; {
		}
		done <- true
	}()
	select {
	case <-done:
		fmt.Println("work first")
	case <-time.After(10 * time.Microsecond):
		fmt.Println("timer first")
		<-done
	}
}
