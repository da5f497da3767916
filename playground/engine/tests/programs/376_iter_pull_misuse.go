package main

import (
	"fmt"
	"iter"
	"runtime"
)

var next func() (int, bool)

// An iterator that calls next itself, while its own next is running.
func reentrant(yield func(int) bool) {
	next()
	yield(1)
}

func main() {
	before := runtime.NumGoroutine()
	n, stop := iter.Pull(func(yield func(int) bool) {
		yield(1)
	})
	fmt.Println("goroutines for a pull:", runtime.NumGoroutine()-before)
	fmt.Println(n())
	fmt.Println(n())
	stop()

	next, stop = iter.Pull(reentrant)
	defer stop()
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		next()
	}()
	fmt.Println(next())

	failing, _ := iter.Pull(func(yield func(string) bool) {
		yield("first")
		var m map[string]int
		m["x"]++
	})
	fmt.Println(failing())
	failing()
}
