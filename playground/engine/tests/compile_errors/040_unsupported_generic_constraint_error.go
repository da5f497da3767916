// fidelity: unsupported
// Generics are outside the engine's subset: it must say `unsupported`;
// the recorded files are real Go's type error.
package main

import "fmt"

type Number interface{ ~int | ~float64 }

func Sum[T Number](xs []T) T {
	var s T
	for _, x := range xs {
		s += x
	}
	return s
}

func main() {
	fmt.Println(Sum([]string{"a"}))
}
