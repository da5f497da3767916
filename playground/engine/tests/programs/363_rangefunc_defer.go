package main

import "fmt"

func count(n int) func(func(int) bool) {
	return func(yield func(int) bool) {
		defer fmt.Println("  iterator returns")
		for i := 0; i < n; i++ {
			if !yield(i) {
				return
			}
		}
	}
}

// Defers in the loop body run when the function returns, after the
// defers made after the loop, before those made before it.
func order() {
	defer fmt.Println("deferred before the loop")
	for i := range count(3) {
		defer fmt.Println("deferred in iteration", i)
		for j := range count(2) {
			defer fmt.Println("deferred in nested", i, j)
		}
	}
	defer fmt.Println("deferred after the loop")
	fmt.Println("order returns")
}

// A defer in the body changes a named result after return.
func double() (n int) {
	for i := range count(5) {
		if i == 3 {
			defer func() { n *= 2 }()
			return i
		}
	}
	return -1
}

// A defer in the body recovers a panic of the function.
func safe() (msg string) {
	for range count(1) {
		defer func() {
			if r := recover(); r != nil {
				msg = fmt.Sprint("recovered: ", r)
			}
		}()
	}
	var m map[string]int
	m["x"] = 1
	return "unreachable"
}

// Defers in a loop of a function literal belong to the literal.
func literal() {
	f := func() {
		for i := range count(2) {
			defer fmt.Println("literal's defer", i)
		}
		fmt.Println("literal returns")
	}
	f()
	fmt.Println("after literal")
}

func main() {
	order()
	fmt.Println(double())
	fmt.Println(safe())
	literal()
}
