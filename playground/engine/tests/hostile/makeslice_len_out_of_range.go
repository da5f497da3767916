// 2^50 ints are more than Go's maxAlloc (2^48 bytes): Go's panic.
package main

import "fmt"

func main() {
	n := 1 << 50
	s := make([]int, n)
	fmt.Println(len(s))
}
