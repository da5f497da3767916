package main

import "fmt"

var (
	a = c + b
	b = f("b")
	c = f("c")
	d = 3
)

var total = sum(a, d)

func f(name string) int {
	fmt.Println("init", name)
	return len(name) * 10
}

func sum(xs ...int) int {
	fmt.Println("sum called")
	s := 0
	for _, x := range xs {
		s += x
	}
	return s
}

func init() {
	fmt.Println("init 1: total =", total)
	total++
}

func init() {
	fmt.Println("init 2: total =", total)
}

func main() {
	fmt.Println("main", a, b, c, d, total)
}
