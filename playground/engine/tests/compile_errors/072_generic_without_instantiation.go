// A generic function or type used without instantiation.
package main

import "fmt"

func Map[T, U any](s []T, f func(T) U) []U { return nil }

type Stack[T any] struct{ items []T }

func main() {
	f := Map
	var s Stack
	fmt.Println(f, s)
}
