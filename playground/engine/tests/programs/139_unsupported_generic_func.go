// fidelity: unsupported
// Generics are outside the engine's subset: it must reject this program
// with an `unsupported` diagnostic; the recorded files are real Go's.
package main

import "fmt"

func Map[T, U any](xs []T, f func(T) U) []U {
	out := make([]U, 0, len(xs))
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}

func main() {
	fmt.Println(Map([]int{1, 2, 3}, func(x int) string { return fmt.Sprint(x * x) }))
}
