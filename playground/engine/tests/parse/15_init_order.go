package main

import "fmt"

var (
	a = c + b
	b = f()
	c = f()
	d = 3
)

func f() int {
	d++
	return d
}

func init() {
	fmt.Println("init 1", a, b, c, d)
}

func init() {
	fmt.Println("init 2")
}

func main() {
	fmt.Println("main")
}
