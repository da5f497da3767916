// A blocked sender keeps alive the heap object its value is sent from:
// Go passes chansend the address of an addressable value (order.go's
// addrTemp), and the sender's sudog, reachable from allgs, points at it.
// When that object also holds the channel, the channel is reachable and
// the sender is not reported; a value copied to the stack keeps nothing.
package main

import (
	"bytes"
	"fmt"
	"runtime/pprof"
	"strings"
	"time"
)

// The closure captures v by value, and ch: sending v keeps the closure,
// and with it ch, alive. Not reported.
func capturedByValue() {
	ch := make(chan int)
	v := 1
	go func() { ch <- v }()
}

// v is assigned after the closure captured it, so Go captures it by
// reference: the value lives in a cell of its own, which does not hold
// the channel. Reported.
func capturedByReference() {
	ch := make(chan int)
	v := 1
	go func() { ch <- v }()
	v = 2
}

// An expression is computed into a temporary on the sender's stack.
// Reported.
func sendingAnExpression() {
	ch := make(chan int)
	v := 1
	go func() { ch <- v + 1 }()
}

// A select send case copies its value to the stack first. Reported.
func selectSend() {
	ch := make(chan int)
	v := 1
	go func() {
		select {
		case ch <- v:
		}
	}()
}

type worker struct {
	out  chan int
	last int
}

// A field sent through the receiver: the worker holds the channel.
// Not reported.
func (w *worker) flush() { w.out <- w.last }

func fieldOfTheHolder() {
	w := &worker{out: make(chan int), last: 7}
	go w.flush()
}

type box struct{ n int }

// A field of another object, which does not hold the channel. Reported.
func fieldOfAnother() {
	ch := make(chan int)
	b := &box{n: 3}
	go func(b *box) { ch <- b.n }(b)
}

func main() {
	capturedByValue()
	capturedByReference()
	sendingAnExpression()
	selectSend()
	fieldOfTheHolder()
	fieldOfAnother()
	report("leaked senders:")
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
