// A generic alias used without instantiation, or with too many arguments.
package main

type Vec[T any] = []T

func main() {
	var v Vec
	var w Vec[int, string]
	_, _ = v, w
}
