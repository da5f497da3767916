package main

import (
	"cmp"
	"fmt"
	"iter"
	"maps"
	"slices"
	"strings"
)

type Number interface {
	~int | ~int64 | ~float64
}

func Sum[T Number](xs ...T) T {
	var s T
	for _, x := range xs {
		s += x
	}
	return s
}

func Map[T, U any](xs []T, f func(T) U) []U {
	out := make([]U, 0, len(xs))
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}

type Pair[K comparable, V any] struct {
	Key K
	Val V
}

func (p Pair[K, V]) String() string { return fmt.Sprintf("%v=%v", p.Key, p.Val) }

type List[T any] struct {
	head *node[T]
	size int
}
type node[T any] struct {
	v    T
	next *node[T]
}

func (l *List[T]) Push(v T) { l.head = &node[T]{v, l.head}; l.size++ }
func (l *List[T]) All() iter.Seq[T] {
	return func(yield func(T) bool) {
		for n := l.head; n != nil; n = n.next {
			if !yield(n.v) {
				return
			}
		}
	}
}

func Fib() iter.Seq2[int, int] {
	return func(yield func(int, int) bool) {
		a, b := 0, 1
		for i := 0; ; i++ {
			if !yield(i, a) {
				return
			}
			a, b = b, a+b
		}
	}
}

type MyInt int

func main() {
	fmt.Println(Sum(1, 2, 3), Sum(1.5, 2.5), Sum[MyInt](4, 5))
	fmt.Println(Map([]int{1, 2, 3}, func(i int) string { return strings.Repeat("*", i) }))
	p := Pair[string, int]{"a", 1}
	fmt.Println(p)
	fmt.Printf("%T %v %+v\n", p, p, []Pair[string, int]{p})
	var l List[string]
	l.Push("x")
	l.Push("y")
	for v := range l.All() {
		fmt.Print(v, " ")
	}
	fmt.Println(slices.Collect(l.All()))
	for i, f := range Fib() {
		if i > 10 {
			break
		}
		fmt.Print(f, ",")
	}
	fmt.Println()
	m := map[string]int{"b": 2, "a": 1, "c": 3}
	fmt.Println(slices.Sorted(maps.Keys(m)))
	people := []struct {
		Name string
		Age  int
	}{{"A", 30}, {"B", 25}, {"C", 30}}
	slices.SortStableFunc(people, func(a, b struct {
		Name string
		Age  int
	}) int {
		return cmp.Compare(a.Age, b.Age)
	})
	fmt.Println(people)
	idx, found := slices.BinarySearch([]int{1, 3, 5, 7}, 5)
	fmt.Println(idx, found, slices.Index([]string{"a", "b"}, "b"), slices.Contains([]int{1}, 2), slices.Max([]int{3, 9, 2}), min(3, 1, 2), max(2.5, 1))
	next, stop := iter.Pull(l.All())
	defer stop()
	v, ok := next()
	fmt.Println(v, ok)
	s := []int{1, 2, 3, 4, 5}
	s = slices.DeleteFunc(s, func(x int) bool { return x%2 == 0 })
	fmt.Println(s, len(s))
	for i := range 3 {
		fmt.Print(i)
	}
	fmt.Println()
	for k, v := range maps.All(map[int]int{1: 2}) {
		fmt.Println(k, v)
	}
	clear(m)
	fmt.Println(len(m), slices.Repeat([]int{1}, 3))
}
