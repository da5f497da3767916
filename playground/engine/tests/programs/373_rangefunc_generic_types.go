package main

import (
	"fmt"
	"iter"
	"slices"
)

type List[T any] struct {
	items []T
}

func (l *List[T]) Push(v T) { l.items = append(l.items, v) }

func (l *List[T]) All() iter.Seq2[int, T] {
	return func(yield func(int, T) bool) {
		for i, v := range l.items {
			if !yield(i, v) {
				return
			}
		}
	}
}

func (l *List[T]) Backward() iter.Seq[T] {
	return func(yield func(T) bool) {
		for i := len(l.items) - 1; i >= 0; i-- {
			if !yield(l.items[i]) {
				return
			}
		}
	}
}

// Find returns from inside the loop of a generic function.
func Find[T comparable](seq iter.Seq[T], want T) (int, bool) {
	i := 0
	for v := range seq {
		if v == want {
			return i, true
		}
		i++
	}
	return -1, false
}

type Set[K comparable] map[K]struct{}

func (s Set[K]) Add(k K) { s[k] = struct{}{} }

func (s Set[K]) Sorted(less func(a, b K) int) iter.Seq[K] {
	return func(yield func(K) bool) {
		keys := make([]K, 0, len(s))
		for k := range s {
			keys = append(keys, k)
		}
		slices.SortFunc(keys, less)
		for _, k := range keys {
			if !yield(k) {
				return
			}
		}
	}
}

func main() {
	var l List[string]
	for _, w := range []string{"go", "is", "fun"} {
		l.Push(w)
	}
	for i, v := range l.All() {
		fmt.Println(i, v)
	}
	for v := range l.Backward() {
		fmt.Print(v, " ")
	}
	fmt.Println()
	fmt.Println(Find(l.Backward(), "is"))
	fmt.Println(Find(l.Backward(), "not"))
	s := Set[int]{}
	for _, n := range []int{5, 3, 9, 1} {
		s.Add(n)
	}
	for k := range s.Sorted(func(a, b int) int { return b - a }) {
		fmt.Print(k, " ")
	}
	fmt.Println()
	fmt.Printf("%T\n", l.All())
	fmt.Printf("%T\n", slices.All([]string{}))
	fmt.Printf("%T\n", slices.Values([]float64{}))
}
