// Two generic types that instantiate each other with growing arguments.
package main

type A[T any] struct{ b *B[[]T] }

type B[T any] struct{ a *A[T] }

type Fine[K, V any] struct{ swapped *Fine[V, K] }

func main() {
	var a A[int]
	var f Fine[int, string]
	_, _ = a, f
}
