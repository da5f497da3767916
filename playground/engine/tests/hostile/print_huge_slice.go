// Printing a slice walks a tree of its elements many times its size:
// past the heap budget's worth, out of memory (the host's memory is safe).
// run: heap_budget=67108864
package main

import "fmt"

func main() {
	s := make([]int, 2<<20)
	fmt.Println(len(fmt.Sprint(s[:1000])))
	fmt.Println(len(fmt.Sprint(s)))
}
