// Panics through iterators: recovered by a defer made in a loop body, an
// iterator that panics itself, runtime.Goexit in a body (its defers run),
// recursion with loops in each activation.
package main

import (
	"errors"
	"fmt"
	"runtime"
)

func count(n int) func(func(int) bool) {
	return func(yield func(int) bool) {
		for i := 0; i < n; i++ {
			if i == 3 {
				panic(errors.New("iterator broke at 3"))
			}
			if !yield(i) {
				return
			}
		}
	}
}

func guarded() (err error) {
	for i := range count(2) {
		defer func() {
			if r := recover(); r != nil {
				err = fmt.Errorf("recovered after %d: %v", i, r)
			}
		}()
	}
	for i := range count(10) {
		if i == 1 {
			panic("body panics")
		}
	}
	return nil
}

func fromIterator() (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = r.(error)
		}
	}()
	for i := range count(10) {
		_ = i
	}
	return nil
}

func walk(depth int) int {
	if depth == 0 {
		return 1
	}
	total := 0
	for i := range count(2) {
		total += walk(depth-1) + i
		if total > 20 {
			return total
		}
	}
	return total
}

func main() {
	fmt.Println(guarded())
	fmt.Println(fromIterator())
	fmt.Println(walk(3), walk(5))
	done := make(chan struct{})
	go func() {
		defer close(done)
		defer fmt.Println("deferred before Goexit runs")
		for i := range count(3) {
			defer fmt.Println("deferred in body", i)
			if i == 1 {
				runtime.Goexit()
			}
		}
		fmt.Println("not reached")
	}()
	<-done
	for i := range count(10) {
		fmt.Println("last loop", i)
	}
}
