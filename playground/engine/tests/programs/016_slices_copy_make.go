package main

import "fmt"

func main() {
	src := []int{1, 2, 3, 4, 5}
	dst := make([]int, 3)
	n := copy(dst, src)
	fmt.Println(n, dst)
	n = copy(src[1:], src)
	fmt.Println(n, src)
	bs := make([]byte, 4)
	n = copy(bs, "hello")
	fmt.Println(n, bs, string(bs))
	m := make([]string, 2, 10)
	fmt.Println(len(m), cap(m), m, m[0] == "")
	var nilS []int
	fmt.Println(nilS == nil, len(nilS), cap(nilS), nilS)
	empty := []int{}
	fmt.Println(empty == nil, len(empty))
	fmt.Println(copy(nilS, src))
	for range nilS {
		fmt.Println("never")
	}
}
