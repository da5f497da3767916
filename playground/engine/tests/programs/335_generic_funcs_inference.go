// Generic functions: type parameters inferred from arguments (typed and
// untyped constants), from a constraint's core type, and given explicitly.
package main

import (
	"fmt"
	"strconv"
)

func Map[T, U any](s []T, f func(T) U) []U {
	out := make([]U, 0, len(s))
	for _, x := range s {
		out = append(out, f(x))
	}
	return out
}

func Filter[S ~[]E, E any](s S, keep func(E) bool) S {
	var out S
	for _, x := range s {
		if keep(x) {
			out = append(out, x)
		}
	}
	return out
}

func Reduce[T, A any](s []T, init A, f func(A, T) A) A {
	acc := init
	for _, x := range s {
		acc = f(acc, x)
	}
	return acc
}

func Pair[K comparable, V any](k K, v V) map[K]V {
	return map[K]V{k: v}
}

func Zero[T any]() T {
	var z T
	return z
}

func Ptr[T any](v T) *T { return &v }

type Names []string

func main() {
	words := Map([]int{1, 2, 3}, strconv.Itoa)
	fmt.Println(words, len(words))
	lens := Map([]string{"go", "rust", "c"}, func(s string) int { return len(s) })
	fmt.Println(lens)
	ns := Names{"ann", "bob", "al"}
	short := Filter(ns, func(s string) bool { return len(s) < 3 })
	fmt.Printf("%T %v\n", short, short)
	sum := Reduce([]float64{1.5, 2.5}, 0.0, func(a, x float64) float64 { return a + x })
	fmt.Println(sum)
	joined := Reduce([]int{1, 2, 3}, "", func(a string, x int) string { return a + strconv.Itoa(x) })
	fmt.Println(joined)
	fmt.Println(Pair("a", 1), Pair(2, []bool{true}))
	fmt.Printf("%q %v %v\n", Zero[string](), Zero[int](), Zero[*int]() == nil)
	p := Ptr(42)
	*p++
	fmt.Println(*p, *Ptr("x"))
	toStr := Map[int, string]
	fmt.Printf("%T\n", toStr)
	fmt.Println(toStr([]int{7}, strconv.Itoa))
}
