package main

import (
	"fmt"
	"sync/atomic"

	"golang.org/x/sync/errgroup"
)

// SetLimit bounds the goroutines in flight: Go blocks at the limit, TryGo
// declines; no error at all leaves Wait nil.
func main() {
	var g errgroup.Group
	g.SetLimit(2)
	var running, peak atomic.Int32
	for i := range 6 {
		g.Go(func() error {
			n := running.Add(1)
			for {
				p := peak.Load()
				if n <= p || peak.CompareAndSwap(p, n) {
					break
				}
			}
			fmt.Println("task", i)
			running.Add(-1)
			return nil
		})
	}
	fmt.Println("TryGo at the limit:", g.TryGo(func() error { return nil }))
	fmt.Println("wait:", g.Wait(), "peak:", peak.Load())
	fmt.Println("TryGo after Wait:", g.TryGo(func() error { fmt.Println("late task"); return nil }))
	fmt.Println("wait:", g.Wait())
}
