// Generic aliases (Go 1.24) and generic types declared inside a function.
package main

import "fmt"

type Vec[T any] = []T

type Set[K comparable] = map[K]bool

func Sum[T ~int](v Vec[T]) (s T) {
	for _, x := range v {
		s += x
	}
	return
}

func main() {
	type Local[T any] struct{ v T }
	type Pair[A, B any] struct {
		a A
		b B
	}
	s := Set[string]{"a": true}
	fmt.Printf("%T %v %T %v\n", Local[int]{3}, Local[string]{"x"}, Pair[int, bool]{}, s)
	fmt.Println(Sum(Vec[int]{1, 2, 3}), Sum([]int{4}))
	fmt.Printf("%T\n", Vec[float64]{})
}
