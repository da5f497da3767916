package main

import "fmt"

type T struct {
	A int
	B string
}

func main() {
	fmt.Println(len("héllo"), len([3]int{}), len([]int{1}), len(map[int]int{1: 1}))
	ch := make(chan int, 5)
	ch <- 1
	fmt.Println(len(ch), cap(ch))
	var arr [4]byte
	fmt.Println(cap(arr), cap(arr[1:]), len(arr[:2]))
	p := new(T)
	p.A = 3
	fmt.Printf("%+v %v\n", *p, p)
	q := new([]int)
	*q = append(*q, 7)
	fmt.Println(*q, len(*q))
	const n = len("const")
	var a [n]int
	fmt.Println(len(a))
	var nilCh chan int
	fmt.Println(len(nilCh), cap(nilCh))
	ps := new(string)
	fmt.Printf("%q\n", *ps)
}
