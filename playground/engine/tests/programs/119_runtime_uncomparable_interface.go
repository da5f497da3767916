package main

import "fmt"

func eq(a, b any) bool { return a == b }

func main() {
	fmt.Println(eq(1, 1), eq(1, "1"), eq(int32(1), int64(1)), eq(nil, nil))
	fmt.Println(eq([2]int{1, 2}, [2]int{1, 2}), eq(struct{ A int }{1}, struct{ A int }{1}))
	var e1, e2 error
	fmt.Println(e1 == e2)
	fmt.Println(eq([]int{1}, []int{1}))
}
