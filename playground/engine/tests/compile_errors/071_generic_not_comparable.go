// A type argument that is not comparable, and one outside cmp.Ordered.
package main

import (
	"cmp"
	"fmt"
)

func Index[T comparable](s []T, v T) int {
	for i, x := range s {
		if x == v {
			return i
		}
	}
	return -1
}

func Max[T cmp.Ordered](a, b T) T {
	if a > b {
		return a
	}
	return b
}

func main() {
	fmt.Println(Index([][]int{{1}}, []int{1}))
	fmt.Println(Max(true, false))
}
