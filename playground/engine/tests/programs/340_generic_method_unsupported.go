// fidelity: unsupported
// Go 1.27 lets a method declare type parameters of its own; the engine
// does not instantiate them yet and must say so.
package main

import "fmt"

type Box struct{ n int }

func (b Box) Repeat[T any](x T) []T {
	out := make([]T, b.n)
	for i := range out {
		out[i] = x
	}
	return out
}

func main() {
	fmt.Println(Box{2}.Repeat("a"), Box{3}.Repeat[int](7))
}
