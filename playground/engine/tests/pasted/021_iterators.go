// Range-over-func iterators (Go 1.23): a generator, a filter, and slices/maps helpers.
package main

import (
	"fmt"
	"iter"
	"maps"
	"slices"
)

func Fib() iter.Seq[int] {
	return func(yield func(int) bool) {
		a, b := 0, 1
		for {
			if !yield(a) {
				return
			}
			a, b = b, a+b
		}
	}
}

func Filter[T any](seq iter.Seq[T], keep func(T) bool) iter.Seq[T] {
	return func(yield func(T) bool) {
		for v := range seq {
			if keep(v) && !yield(v) {
				return
			}
		}
	}
}

func main() {
	for n := range Filter(Fib(), func(n int) bool { return n%2 == 0 }) {
		if n > 1000 {
			break
		}
		fmt.Print(n, " ")
	}
	fmt.Println()
	ages := map[string]int{"bob": 31, "alice": 29, "carol": 35}
	for _, name := range slices.Sorted(maps.Keys(ages)) {
		fmt.Println(name, ages[name])
	}
	for i, v := range slices.Backward([]string{"x", "y", "z"}) {
		fmt.Print(i, v, " ")
	}
	fmt.Println()
}
