// 2^40 ints (8 TiB) are within Go's maxAlloc: Go runs out of memory
// (`fatal error: runtime: out of memory`), the engine at its heap budget.
package main

import "fmt"

func main() {
	n := 1 << 40
	s := make([]int, n)
	fmt.Println(len(s))
}
