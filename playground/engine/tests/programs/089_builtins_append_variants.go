package main

import "fmt"

var sink []int

func main() {
	s := []int{1, 2}
	s = append(s)
	s = append(s, 3)
	s = append(s, []int{4, 5}...)
	s = append(s, s...)
	fmt.Println(s)
	b := append([]byte("hello "), "world"...)
	fmt.Println(string(b))
	var nilSlice []string
	nilSlice = append(nilSlice, "first")
	fmt.Println(nilSlice, len(nilSlice))
	base := make([]int, 3, 10)
	a1 := append(base, 1)
	a2 := append(base, 2)
	fmt.Println(a1[3], a2[3], len(base))
	full := []int{1, 2, 3}
	sink = full
	c1 := append(full, 4)
	c2 := append(full, 5)
	fmt.Println(c1, c2, full)
	fmt.Println(append([]int(nil)) == nil)
	del := []int{0, 1, 2, 3, 4}
	del = append(del[:1], del[2:]...)
	fmt.Println(del, len(del), cap(del))
}
