// A hint whose groups would pass Go's maxAlloc is ignored: an empty map.
// A smaller one that still passes the heap budget runs out of memory.
package main

import "fmt"

func main() {
	m := make(map[int]int, 1<<40)
	m[1] = 2
	fmt.Println(len(m), m[1])
	n := make(map[int]int, 1<<30)
	fmt.Println(len(n))
}
