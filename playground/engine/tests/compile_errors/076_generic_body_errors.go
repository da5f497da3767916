// Errors inside generic bodies, and constraints used as types.
package main

import "fmt"

type Number interface{ ~int | ~float64 }

func Len[T any](x T) int { return len(x) }

func Nil[T any](x T) T { return nil }

func Show[T any](x T) {
	fmt.Println(x.Name)
}

func Print[T fmt.Stringer](x T) { fmt.Println(x.String()) }

type A int

func Keys[K any, V any](m map[K]V) {}

func main() {
	var n Number
	_ = n
	Print(A(1))
	_ = ~1
}
