// Open: whether Stop beats the timer. Main computes for 40µs, then stops a
// 20µs AfterFunc: if Stop returns true the function never runs; if false
// it has started, and main waits for it (so "fired" comes first).
package main

import (
	"fmt"
	"time"
)

func main() {
	done := make(chan struct{})
	t := time.AfterFunc(20*time.Microsecond, func() {
		fmt.Println("fired")
		close(done)
	})
	for start := time.Now(); time.Since(start) < 40*time.Microsecond; {
	}
	if t.Stop() {
		fmt.Println("stopped")
	} else {
		<-done
		fmt.Println("too late")
	}
}
