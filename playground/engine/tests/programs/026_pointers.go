package main

import "fmt"

type node struct {
	val  int
	next *node
}

func inc(p *int) { *p++ }

func newInt(v int) *int { return &v }

func main() {
	x := 1
	p := &x
	inc(p)
	inc(&x)
	fmt.Println(x, *p, p == &x)
	q := newInt(5)
	r := newInt(5)
	fmt.Println(*q == *r, q == r)
	n := new(int)
	*n = 9
	fmt.Println(*n)
	var head *node
	for i := 3; i > 0; i-- {
		head = &node{i, head}
	}
	for c := head; c != nil; c = c.next {
		fmt.Print(c.val, " ")
	}
	fmt.Println()
	pp := &p
	**pp = 50
	fmt.Println(x)
	var nilp *node
	fmt.Println(nilp == nil, nilp)
	arr := [3]int{1, 2, 3}
	ap := &arr
	ap[1] = 20
	fmt.Println(arr, len(ap))
	for i, v := range ap {
		fmt.Print(i, v, ";")
	}
	fmt.Println()
}
