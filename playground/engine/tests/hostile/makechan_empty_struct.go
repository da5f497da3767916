// A channel of 2^40 struct{} slots: Go allocates no buffer for it and
// prints 1099511627776. The engine keeps each buffered value in a slot of
// its own, so it refuses, at its heap budget (a known difference).
package main

import "fmt"

func main() {
	n := 1 << 40
	c := make(chan struct{}, n)
	fmt.Println(cap(c))
}
