// A generic function that calls itself with a larger type argument needs
// infinitely many instances: Go's instantiation cycle.
package main

import "fmt"

func Nest[T any](n int, x T) {
	if n > 0 {
		Nest(n-1, []T{x})
		return
	}
	fmt.Printf("%T\n", x)
}

func main() {
	Nest(3, 1)
}
