// A buffer of 2^40 ints is within Go's maxAlloc: Go runs out of memory,
// the engine at its heap budget.
package main

import "fmt"

func main() {
	n := 1 << 40
	c := make(chan int, n)
	fmt.Println(cap(c))
}
