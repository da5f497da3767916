// Converting a slice to an array (a copy) and to an array pointer (into
// the slice's backing array), Go 1.17 and 1.20; too short a slice panics.
package main

import "fmt"

type Pt struct{ X, Y int }

func sum(p *[3]int) int {
	t := 0
	for _, v := range p {
		t += v
	}
	return t
}

func main() {
	s := []int{1, 2, 3, 4, 5}
	p := (*[3]int)(s[1:])
	fmt.Println(p, *p, len(p), cap(p), sum(p))
	fmt.Printf("%v %T %d\n", p, p, p[2])
	(*p)[0] = 20
	p[1] *= 10
	fmt.Println(s)
	*p = [3]int{7, 8, 9}
	fmt.Println(s)
	a := *p
	a[0] = 0
	fmt.Println(a, s)
	q := (*[3]int)(s[1:4])
	fmt.Println(p == q, p == (*[3]int)(s[2:]), p != nil)
	t := p[1:]
	t[0] = 100
	fmt.Println(s, len(t), cap(t))
	for i := range p {
		p[i]++
	}
	fmt.Println(s)
	copy(p[:], []int{-1, -2})
	fmt.Println(s)
	pts := []Pt{{1, 2}, {3, 4}}
	pp := (*[2]Pt)(pts)
	pp[1].X = 30
	arr := [2]Pt(pts)
	arr[0].Y = 99
	fmt.Println(pts, *pp, arr)
	b := []byte("hello")
	bp := (*[4]byte)(b)
	bp[0] = 'j'
	fmt.Println(string(b), string(bp[:]), [2]byte(b))
	var e []int
	fmt.Println((*[0]int)(e) == nil, (*[0]int)([]int{}) == nil, [0]int(e))
}
