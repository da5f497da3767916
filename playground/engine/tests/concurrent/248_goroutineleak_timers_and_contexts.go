// What keeps a waiting goroutine off the goroutineleak profile besides
// the program's own references: Go's timer heaps (an armed timer's
// channel or AfterFunc function, a context's deadline timer) and a
// cancelable context's parent, whose children map holds it. A stopped
// timer, or a context no one can cancel any more, leaves its waiter
// leaked.
package main

import (
	"bytes"
	"context"
	"fmt"
	"runtime/pprof"
	"strings"
	"time"
)

func afterAlone() { go func() { <-time.After(time.Hour) }() }

func afterInSelect() {
	ch := make(chan int)
	go func() {
		select {
		case <-ch:
		case <-time.After(time.Hour):
		}
	}()
}

func timerStopped() {
	t := time.NewTimer(time.Hour)
	t.Stop()
	go func() { <-t.C }()
}

func ticker() {
	t := time.NewTicker(time.Hour)
	go func() { <-t.C }()
}

func afterFunc() {
	ch := make(chan int)
	time.AfterFunc(time.Hour, func() { close(ch) })
	go func() { <-ch }()
}

func waitDone(ctx context.Context) { <-ctx.Done() }

func cancelDropped() {
	ctx, cancel := context.WithCancel(context.Background())
	_ = cancel
	go waitDone(ctx)
}

func withTimeout() {
	ctx, cancel := context.WithTimeout(context.Background(), time.Hour)
	_ = cancel
	go waitDone(ctx)
}

var parent, cancelParent = context.WithCancel(context.Background())

func childOfLiveParent() {
	ctx, cancel := context.WithCancel(parent)
	_ = cancel
	go waitDone(ctx)
}

func childOfDroppedParent() {
	p, cancelP := context.WithCancel(context.Background())
	_ = cancelP
	ctx, cancel := context.WithCancel(p)
	_ = cancel
	go waitDone(ctx)
}

func main() {
	afterAlone()
	afterInSelect()
	timerStopped()
	ticker()
	afterFunc()
	cancelDropped()
	withTimeout()
	childOfLiveParent()
	childOfDroppedParent()
	time.Sleep(10 * time.Millisecond)
	var buf bytes.Buffer
	pprof.Lookup("goroutineleak").WriteTo(&buf, 2)
	for _, g := range strings.Split(buf.String(), "\n\n") {
		lines := strings.Split(g, "\n")
		fn := ""
		for _, l := range lines[1:] {
			if strings.HasPrefix(l, "main.") {
				fn = l[:strings.LastIndex(l, "(")]
				break
			}
		}
		creator := ""
		for _, l := range lines {
			if strings.HasPrefix(l, "created by ") {
				creator = strings.Fields(l)[2]
			}
		}
		if creator != "" {
			fmt.Println(lines[0][strings.Index(lines[0], "["):], fn, "from", creator)
		}
	}
}
