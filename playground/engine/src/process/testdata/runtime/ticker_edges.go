// Ticker and timer edge cases: dropped ticks, non-positive intervals, huge
// durations, AfterFunc with a negative duration, Stop and Reset results.
package main

import (
	"fmt"
	"math"
	"time"
)

func main() {
	start := time.Now()
	since := func(t time.Time) time.Duration { return t.Sub(start).Round(10 * time.Millisecond) }

	// Ticks nobody receives are dropped; a late tick keeps to the grid.
	tk := time.NewTicker(100 * time.Millisecond)
	time.Sleep(350 * time.Millisecond)
	fmt.Println("first tick:", since(<-tk.C))
	select {
	case <-tk.C:
		fmt.Println("a second tick was kept")
	default:
		fmt.Println("later ticks were dropped")
	}
	fmt.Println("next tick:", since(<-tk.C))
	tk.Stop()

	for _, f := range []func(){
		func() { time.NewTicker(0) },
		func() { tk.Reset(-1) },
	} {
		func() {
			defer func() { fmt.Println("recovered:", recover()) }()
			f()
		}()
	}

	// Huge durations saturate instead of overflowing.
	t := time.NewTimer(math.MaxInt64)
	fmt.Println("huge timer reset:", t.Reset(math.MaxInt64), "stop:", t.Stop())
	h := time.NewTicker(math.MaxInt64)
	h.Stop()
	fmt.Println("huge ticker stopped")

	// AfterFunc with a negative duration runs at once.
	ran := make(chan bool)
	now := time.AfterFunc(-5, func() { ran <- true })
	fmt.Println("ran:", <-ran, "stop after it ran:", now.Stop())
	later := time.AfterFunc(time.Hour, func() { fmt.Println("never") })
	fmt.Println(later.Stop(), later.Stop(), later.Reset(time.Hour), later.Stop())
}
