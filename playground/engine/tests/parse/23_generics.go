package main

import (
	"cmp"
	"fmt"
)

type Number interface {
	~int | ~int64 | ~float64
}

type Shower interface {
	comparable
	Show() string
}

type Pair[K comparable, V any] struct {
	Key K
	Val V
}

type List[T any] struct {
	next *List[T]
	val  T
}

type Ptr[P *E, E any] struct{ p P }

type Set[T comparable] map[T]struct{}

func (s Set[T]) Add(v T) { s[v] = struct{}{} }

func (l *List[T]) Push(v T) *List[T] { return &List[T]{next: l, val: v} }

func (p Pair[K, V]) String() string { return fmt.Sprint(p.Key, p.Val) }

func Map[T, U any](xs []T, f func(T) U) []U {
	var out []U
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}

func Sum[T Number](xs ...T) (s T) {
	for _, x := range xs {
		s += x
	}
	return
}

func Max[T cmp.Ordered](a, b T) T {
	if a > b {
		return a
	}
	return b
}

func Keys[M ~map[K]V, K comparable, V any](m M) []K {
	out := make([]K, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return out
}

func Merge[T any](cs ...<-chan T) <-chan T {
	out := make(chan T)
	go func() {
		defer close(out)
		for _, c := range cs {
			for v := range c {
				out <- v
			}
		}
	}()
	return out
}

func main() {
	fmt.Println(Map([]int{1, 2}, func(x int) string { return fmt.Sprint(x) }))
	fmt.Println(Sum(1, 2), Sum[float64](1.5), Max("a", "b"))
	p := Pair[string, int]{"a", 1}
	var l *List[int]
	l = l.Push(1)
	s := Set[string]{}
	s.Add("x")
	fmt.Println(p, l.val, len(s), len(Keys(map[int]bool{1: true})))
	c := make(chan int, 1)
	c <- 1
	close(c)
	for v := range Merge(c) {
		fmt.Println(v)
	}
	f := Map[int, int]
	_ = f
	var _ Ptr[*int, int]
}
