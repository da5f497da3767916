// Generic functions used as values: their type arguments inferred from
// the function type the context expects (Go 1.21), in assignments,
// arguments, returns, and as arguments of other generic functions.
package main

import (
	"fmt"
	"strconv"
)

func Double[T ~int | ~float64](x T) T { return x * 2 }

func Apply(xs []int, f func(int) int) []int {
	out := make([]int, len(xs))
	for i, x := range xs {
		out[i] = f(x)
	}
	return out
}

func Map[T, U any](xs []T, f func(T) U) []U {
	var out []U
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}

func Ident[T any](x T) T { return x }

func main() {
	var f func(float64) float64 = Double
	fmt.Println(f(1.5), Apply([]int{1, 2}, Double))
	fmt.Println(Map([]int{1, 2}, strconv.Itoa))
	g := func() func(string) string { return Ident }()
	fmt.Println(g("x"))
}

func init() {
	fmt.Println(Map([]int{1, 2}, Double), Map([]float64{1.5}, Double))
	fmt.Println(Map([]string{"a"}, Ident))
}
