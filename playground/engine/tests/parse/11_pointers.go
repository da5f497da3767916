package main

import "fmt"

type T struct{ n int }

func (t *T) Inc() { t.n++ }

func newT() *T { return &T{} }

func main() {
	x := 1
	p := &x
	*p = 2
	pp := &p
	**pp = 3
	t := newT()
	t.Inc()
	(*t).Inc()
	q := new(int)
	*q += 5
	var np *T
	s := []*int{p, q}
	*s[0]++
	fmt.Println(x, *p, t.n, *q, np == nil, *s[1])
	arr := &[3]int{1, 2, 3}
	fmt.Println(arr[0], len(arr), (*arr)[1])
	ptrToStruct := &struct{ a int }{a: 1}
	fmt.Println(ptrToStruct.a, &T{n: 1} != nil)
}
