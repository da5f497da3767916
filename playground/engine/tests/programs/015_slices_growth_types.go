package main

import "fmt"

type pair struct {
	a, b int64
}

// Package-level sinks make every slice escape, so growth is growslice's.
var (
	ss []string
	ps []pair
	is []int32
	xs []int
)

func main() {
	for i := 0; i < 20; i++ {
		ss = append(ss, "x")
		fmt.Print(cap(ss), " ")
	}
	fmt.Println()
	for i := 0; i < 20; i++ {
		ps = append(ps, pair{})
		fmt.Print(cap(ps), " ")
	}
	fmt.Println()
	for i := 0; i < 40; i++ {
		is = append(is, 1)
		fmt.Print(cap(is), " ")
	}
	fmt.Println()
	xs = make([]int, 5, 5)
	xs = append(xs, 1, 2, 3, 4, 5, 6, 7, 8)
	fmt.Println(len(xs), cap(xs))
	xs = append(xs[:2], xs[:1]...)
	fmt.Println(len(xs), cap(xs), xs)
}
