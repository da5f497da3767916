// Cancellation edge cases: canceled at birth, Done after cancel, AfterFunc
// on a canceled context, a long chain, a deadlock after a canceled timeout.
package main

import (
	"context"
	"fmt"
	"time"
)

func main() {
	// A child made under a canceled parent is canceled at birth, with its
	// cause, even through a value context.
	p, cancel := context.WithCancelCause(context.Background())
	cancel(fmt.Errorf("boom"))
	v := context.WithValue(p, "k", "v")
	c, cc := context.WithCancel(v)
	defer cc()
	fmt.Println(c.Err(), context.Cause(c), c.Value("k"))
	// Done asked for after the cancel is already closed.
	select {
	case <-c.Done():
		fmt.Println("done is closed")
	default:
		fmt.Println("done is open")
	}
	// AfterFunc on a canceled context starts its function at once.
	ran := make(chan string)
	context.AfterFunc(c, func() { ran <- "after func ran" })
	fmt.Println(<-ran)

	// A long cancel chain is canceled from its top.
	top, cancelTop := context.WithCancel(context.Background())
	deep := top
	for range 1000 {
		deep, _ = context.WithCancel(deep)
	}
	cancelTop()
	<-deep.Done()
	fmt.Println("deepest:", deep.Err())

	// Canceling a timeout context through its parent stops its timer:
	// nothing is left to wake main, so this is a deadlock, at once.
	start := time.Now()
	q, cancelQ := context.WithCancel(context.Background())
	t, ct := context.WithTimeout(q, time.Hour)
	defer ct()
	cancelQ()
	<-t.Done()
	fmt.Println(t.Err(), time.Since(start) < time.Minute)
	select {}
}
