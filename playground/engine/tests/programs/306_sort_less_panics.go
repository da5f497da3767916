// A less function that panics partway through sort.Slice: the output
// printed so far shows the calls made up to the panic, which then ends
// the program from inside the less closure.
package main

import (
	"fmt"
	"sort"
)

func main() {
	xs := []int{9, 8, 7, 6, 5, 4, 3, 2, 1, 0, 10, 11, 12, 13, 14, 15}
	n := 0
	sort.Slice(xs, func(i, j int) bool {
		n++
		if n == 20 {
			fmt.Println(xs)
			panic(fmt.Sprintf("less called %d times", n))
		}
		return xs[i] < xs[j]
	})
	fmt.Println("not reached")
}
