package main

import (
	"fmt"
	"slices"
)

func main() {
	s := []int{1, 2, 3}
	s = slices.Insert(s, 1, 9)
	fmt.Println(s, len(s), cap(s))
	s = slices.Insert(s, 4, 7, 8, 9, 10, 11)
	fmt.Println(s, len(s), cap(s))
	b := make([]byte, 5, 5)
	b = slices.Insert(b, 0, 'x')
	fmt.Println(len(b), cap(b))
	t := []string{"a"}
	t = slices.Insert(t, 1, "b", "c")
	fmt.Println(t, len(t), cap(t))
	u := make([]int, 0, 10)
	u = slices.Insert(u, 0, 1, 2)
	fmt.Println(u, len(u), cap(u))
	d := slices.Delete([]int{1, 2, 3, 4}, 1, 3)
	fmt.Println(d, len(d), cap(d))
	c := slices.Compact([]int{1, 1, 2, 2, 2, 3})
	fmt.Println(c, len(c), cap(c))
}
