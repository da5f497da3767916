// Go compiles an array of 2^40 ints (its size fits the address space);
// the engine counts elements in 32 bits and says so, rather than making
// an array of length 0.
package main

import "fmt"

var a [1 << 40]int

func main() {
	b := [...]int{1 << 40: 1}
	fmt.Println(len(a), len(b))
}
