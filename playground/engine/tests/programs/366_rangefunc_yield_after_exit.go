package main

import "fmt"

var saved func(int) bool

// An iterator that keeps its yield function for later.
func keeper(yield func(int) bool) {
	saved = yield
	yield(1)
}

func main() {
	for v := range keeper {
		fmt.Println("in loop", v)
	}
	fmt.Println("loop over; calling the kept yield")
	saved(2)
	fmt.Println("not reached")
}
