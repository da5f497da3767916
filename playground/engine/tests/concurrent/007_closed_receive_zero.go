package main

import "fmt"

type point struct{ x, y int }

func main() {
	ci := make(chan int, 1)
	ci <- 7
	close(ci)
	v, ok := <-ci
	fmt.Println(v, ok)
	v, ok = <-ci
	fmt.Println(v, ok)
	fmt.Println(<-ci)

	cs := make(chan string)
	close(cs)
	s, ok := <-cs
	fmt.Printf("%q %v\n", s, ok)

	cp := make(chan point)
	close(cp)
	p, ok := <-cp
	fmt.Println(p, ok)

	cptr := make(chan *point)
	close(cptr)
	q, ok := <-cptr
	fmt.Println(q == nil, ok)
}
