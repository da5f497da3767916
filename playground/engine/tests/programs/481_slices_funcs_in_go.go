package main

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// orNil returns nil for an empty slice: nil is a value of S because
// every type in S's type set has nil.
func orNil[S ~[]E, E any](s S) S {
	if len(s) == 0 {
		return nil
	}
	return s
}

type ids []int

type item struct {
	name string
	n    int
}

func main() {
	s := []int{1, 2, 3, 4, 5, 6}
	s = slices.DeleteFunc(s, func(x int) bool { return x%3 == 0 })
	fmt.Println(s, len(s), cap(s))
	fmt.Println(slices.Concat([]int{1}, nil, []int{2, 3}), slices.Concat[[]int]() == nil)
	fmt.Println(slices.Repeat([]string{"a", "b"}, 3), len(slices.Repeat([]int{}, 5)))
	g := slices.Grow([]int{1}, 10)
	fmt.Println(len(g), cap(g) >= 11)
	c := slices.Clip(make([]int, 2, 10))
	fmt.Println(len(c), cap(c))
	words := []string{"a", "A", "b", "B", "b", "c"}
	fmt.Println(slices.CompactFunc(words, strings.EqualFold))
	fmt.Println(slices.EqualFunc([]int{1, 2}, []string{"1", "2"}, func(a int, b string) bool { return fmt.Sprint(a) == b }))
	fmt.Println(slices.Compare([]int{1, 2}, []int{1, 3}), slices.Compare([]int{1, 2, 0}, []int{1, 2}), slices.Compare([]string{}, []string{}))
	items := []item{{"x", 3}, {"y", 1}, {"z", 2}}
	byN := func(a, b item) int { return cmp.Compare(a.n, b.n) }
	fmt.Println(slices.MinFunc(items, byN), slices.MaxFunc(items, byN), slices.IsSortedFunc(items, byN))
	slices.SortFunc(items, byN)
	i, ok := slices.BinarySearchFunc(items, 2, func(e item, t int) int { return cmp.Compare(e.n, t) })
	fmt.Println(items, i, ok, slices.IsSortedFunc(items, byN))
	fmt.Println(slices.CompareFunc([]int{1}, []int{2}, func(a, b int) int { return b - a }))
	fmt.Println(orNil(ids{}) == nil, orNil([]string{"x"}), orNil[ids](nil))
	defer func() { fmt.Println("recovered:", recover()) }()
	slices.MaxFunc([]item{}, byN)
}
