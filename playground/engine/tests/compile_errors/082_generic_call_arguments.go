// Calls of generic functions with the wrong arguments: too few, too
// many, and a function literal whose type does not match.
package main

func Map[T, U any](xs []T, f func(T) U) []U { return nil }

func Apply[T any](x T, f func(T) T) T { return f(x) }

func main() {
	_ = Map([]int{1})
	_ = Map([]int{1}, func(s string) int { return 0 })
	_ = Apply(1, func(x float64) float64 { return x })
	_ = Map([]int{1}, 2, 3)
}
