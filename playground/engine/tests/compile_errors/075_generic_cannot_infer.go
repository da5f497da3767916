// Type arguments inference cannot find, and argument types that do not
// unify.
package main

func Zero[T any]() T {
	var z T
	return z
}

func Same[T any](a, b T) T { return a }

func Keys[K comparable, V any](m map[K]V) []K { return nil }

func main() {
	_ = Zero()
	_ = Same(1, "a")
	_ = Same(int8(1), int16(2))
	_ = Keys[string, int, bool](nil)
}
