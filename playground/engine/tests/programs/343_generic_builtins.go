// Builtins over type parameters: min, make, copy and append through a
// core type, clear, new, close and range over a generic channel, range
// over ~int, len over a type set without a core type.
package main

import (
	"cmp"
	"fmt"
)

func Min3[T cmp.Ordered](a, b, c T) T { return min(a, b, c) }

func Grow[S ~[]E, E any](s S, n int) S {
	out := make(S, len(s), len(s)+n)
	copy(out, s)
	return append(out, make(S, n)...)
}

func Reset[M ~map[K]V, K comparable, V any](m M) M {
	clear(m)
	return m
}

func NewOf[T any]() *T { return new(T) }

func Drain[T any](c chan T) (out []T) {
	close(c)
	for v := range c {
		out = append(out, v)
	}
	return
}

func Count[T ~int](n T) (s T) {
	for i := range n {
		s += i
	}
	return
}

func Bytes[S ~string | ~[]byte](s S) int { return len(s) }

type Ints []int

func main() {
	fmt.Println(Min3(3, 1, 2), Min3("b", "a", "c"), Min3(2.5, 1.5, 3.5))
	g := Grow(Ints{1, 2}, 2)
	fmt.Printf("%T %v %d\n", g, g, cap(g))
	m := map[string]int{"a": 1}
	fmt.Println(len(Reset(m)), *NewOf[int](), *NewOf[string]() == "")
	c := make(chan string, 2)
	c <- "x"
	c <- "y"
	fmt.Println(Drain(c), Count(5), Bytes("héllo"), Bytes([]byte{1, 2}))
}
