// A buffer of 2^46 ints (2^49 bytes) is past Go's maxAlloc: Go's panic.
package main

import "fmt"

func main() {
	n := 1 << 46
	c := make(chan int, n)
	fmt.Println(cap(c))
}
