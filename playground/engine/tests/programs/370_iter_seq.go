package main

import (
	"fmt"
	"iter"
	"strings"
)

// Generic adapters over iter.Seq, as learners write them.
func Map[V, W any](seq iter.Seq[V], f func(V) W) iter.Seq[W] {
	return func(yield func(W) bool) {
		for v := range seq {
			if !yield(f(v)) {
				return
			}
		}
	}
}

func Take[V any](seq iter.Seq[V], n int) iter.Seq[V] {
	return func(yield func(V) bool) {
		if n <= 0 {
			return
		}
		i := 0
		for v := range seq {
			if !yield(v) {
				return
			}
			i++
			if i == n {
				return
			}
		}
	}
}

func Naturals() iter.Seq[int] {
	return func(yield func(int) bool) {
		for i := 1; ; i++ {
			if !yield(i) {
				return
			}
		}
	}
}

func Enumerate[V any](seq iter.Seq[V]) iter.Seq2[int, V] {
	return func(yield func(int, V) bool) {
		i := 0
		for v := range seq {
			if !yield(i, v) {
				return
			}
			i++
		}
	}
}

type Tree struct {
	Left, Right *Tree
	Val         int
}

// All walks the tree in order; a recursive iterator stops as soon as
// yield says so.
func (t *Tree) All() iter.Seq[int] {
	return func(yield func(int) bool) {
		t.walk(yield)
	}
}

func (t *Tree) walk(yield func(int) bool) bool {
	if t == nil {
		return true
	}
	return t.Left.walk(yield) && yield(t.Val) && t.Right.walk(yield)
}

func Fields(s string) iter.Seq2[int, string] {
	return func(yield func(int, string) bool) {
		for i, f := range strings.Fields(s) {
			if !yield(i, f) {
				return
			}
		}
	}
}

func main() {
	squares := Map(Naturals(), func(n int) int { return n * n })
	for sq := range Take(squares, 5) {
		fmt.Print(sq, " ")
	}
	fmt.Println()
	labels := Map(Take(Naturals(), 3), func(n int) string { return fmt.Sprintf("#%d", n) })
	for i, l := range Enumerate(labels) {
		fmt.Println(i, l)
	}
	t := &Tree{Val: 4, Left: &Tree{Val: 2, Left: &Tree{Val: 1}, Right: &Tree{Val: 3}}, Right: &Tree{Val: 6, Left: &Tree{Val: 5}}}
	for v := range t.All() {
		fmt.Print(v, " ")
		if v == 5 {
			break
		}
	}
	fmt.Println()
	var seq iter.Seq2[int, string] = Fields("the quick brown fox")
	for i, w := range seq {
		fmt.Printf("%d:%s ", i, w)
	}
	fmt.Println()
	fmt.Printf("%T\n", squares)
	fmt.Printf("%T\n", seq)
}
