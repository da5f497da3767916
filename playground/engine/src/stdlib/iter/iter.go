// Package iter as Go's iter/iter.go has it: Seq and Seq2, and Pull and
// Pull2 compiled as library Go. Go runs Pull's iterator as a coroutine
// (runtime.newcoro and coroswitch, a switch between two goroutines that
// bypasses the scheduler); here the coroutine is a goroutine and a
// coroswitch a handoff on an unbuffered channel, so the two never run at
// once either. What differs is only what a goroutine dump shows: the
// coroutine waits in "chan receive" rather than "coroutine". The race
// detector's annotations are left out (their lines are blank, so each
// statement keeps its line in Go's file).
package iter

import "runtime"

//line iter.go:223
type Seq[V any] func(yield func(V) bool)

//line iter.go:229
type Seq2[K, V any] func(yield func(K, V) bool)

// coro is a coroutine: the goroutine running f, resumed by coroswitch.
type coro struct {
	ch chan struct{}
}

// newcoro starts f in a goroutine that waits for the first coroswitch;
// when f returns (or its goroutine exits, runtime.Goexit), the goroutine
// that switched to it last runs again.
func newcoro(f func(*coro)) *coro {
	c := &coro{ch: make(chan struct{})}
	go func() {
		<-c.ch
		defer func() { c.ch <- struct{}{} }()
		f(c)
	}()
	return c
}

// coroswitch runs the other side of c and waits until it switches back.
func coroswitch(c *coro) {
	c.ch <- struct{}{}
	<-c.ch
}

//line iter.go:261
func Pull[V any](seq Seq[V]) (next func() (V, bool), stop func()) {
	var pull struct {
		v          V
		ok         bool
		done       bool
		yieldNext  bool
		seqDone    bool // to detect Goexit
		racer      int
		panicValue any
	}
	c := newcoro(func(c *coro) {

		if pull.done {

			return
		}
		yield := func(v1 V) bool {
			if pull.done {
				return false
			}
			if !pull.yieldNext {
				panic("iter.Pull: yield called again before next")
			}
			pull.yieldNext = false
			pull.v, pull.ok = v1, true

			coroswitch(c)

			return !pull.done
		}
		// Recover and propagate panics from seq.
		defer func() {
			if p := recover(); p != nil {
				pull.panicValue = p
			} else if !pull.seqDone {
				pull.panicValue = goexitPanic{}
			}
			pull.done = true // Invalidate iterator

		}()
		seq(yield)
		var v0 V
		pull.v, pull.ok = v0, false
		pull.seqDone = true
	})
	next = func() (v1 V, ok1 bool) {


		if pull.done {
			return
		}
		if pull.yieldNext {
			panic("iter.Pull: next called again before yield")
		}
		pull.yieldNext = true

		coroswitch(c)


		// Propagate panics and goexits from seq.
		if pull.panicValue != nil {
			if pull.panicValue == any(goexitPanic{}) {
				// Propagate runtime.Goexit from seq.
				runtime.Goexit()
			} else {
				panic(pull.panicValue)
			}
		}
		return pull.v, pull.ok
	}
	stop = func() {


		if !pull.done {
			pull.done = true

			coroswitch(c)


			// Propagate panics and goexits from seq.
			if pull.panicValue != nil {
				if pull.panicValue == any(goexitPanic{}) {
					// Propagate runtime.Goexit from seq.
					runtime.Goexit()
				} else {
					panic(pull.panicValue)
				}
			}
		}
	}
	return next, stop
}

//line iter.go:376
func Pull2[K, V any](seq Seq2[K, V]) (next func() (K, V, bool), stop func()) {
	var pull struct {
		k          K
		v          V
		ok         bool
		done       bool
		yieldNext  bool
		seqDone    bool
		racer      int
		panicValue any
	}
	c := newcoro(func(c *coro) {

		if pull.done {

			return
		}
		yield := func(k1 K, v1 V) bool {
			if pull.done {
				return false
			}
			if !pull.yieldNext {
				panic("iter.Pull2: yield called again before next")
			}
			pull.yieldNext = false
			pull.k, pull.v, pull.ok = k1, v1, true

			coroswitch(c)

			return !pull.done
		}
		// Recover and propagate panics from seq.
		defer func() {
			if p := recover(); p != nil {
				pull.panicValue = p
			} else if !pull.seqDone {
				pull.panicValue = goexitPanic{}
			}
			pull.done = true // Invalidate iterator.

		}()
		seq(yield)
		var k0 K
		var v0 V
		pull.k, pull.v, pull.ok = k0, v0, false
		pull.seqDone = true
	})
	next = func() (k1 K, v1 V, ok1 bool) {


		if pull.done {
			return
		}
		if pull.yieldNext {
			panic("iter.Pull2: next called again before yield")
		}
		pull.yieldNext = true

		coroswitch(c)


		// Propagate panics and goexits from seq.
		if pull.panicValue != nil {
			if pull.panicValue == any(goexitPanic{}) {
				// Propagate runtime.Goexit from seq.
				runtime.Goexit()
			} else {
				panic(pull.panicValue)
			}
		}
		return pull.k, pull.v, pull.ok
	}
	stop = func() {


		if !pull.done {
			pull.done = true

			coroswitch(c)


			// Propagate panics and goexits from seq.
			if pull.panicValue != nil {
				if pull.panicValue == any(goexitPanic{}) {
					// Propagate runtime.Goexit from seq.
					runtime.Goexit()
				} else {
					panic(pull.panicValue)
				}
			}
		}
	}
	return next, stop
}

// goexitPanic stands for Go's goexitPanicValue, a unique pointer made by
// a package variable: a value of a type no one else has, so importing
// iter initialises nothing (the programs' event streams stay as they were).
type goexitPanic struct{}
