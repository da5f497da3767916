// A hundred goroutines recurse deep, each below Go's limit for one stack:
// together they pass the budget for all goroutines' stacks.
// run: heap_budget=67108864
package main

import "time"

func f(n int) int {
	if n == 0 {
		select {}
	}
	return f(n-1) + 1
}

func main() {
	for i := 0; i < 100; i++ {
		go f(200000)
	}
	time.Sleep(time.Hour)
}
