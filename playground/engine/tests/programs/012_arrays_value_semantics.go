package main

import "fmt"

func modify(a [3]int) {
	a[0] = 100
}

func modifyPtr(a *[3]int) {
	a[0] = 100
}

func main() {
	a := [3]int{1, 2, 3}
	b := a
	b[1] = 20
	fmt.Println(a, b)
	modify(a)
	fmt.Println(a)
	modifyPtr(&a)
	fmt.Println(a, len(a), cap(a))
	c := [...]string{"x", "y", "z", "w"}
	fmt.Println(len(c), c)
	d := [5]int{1: 10, 3: 30}
	fmt.Println(d)
	fmt.Println(a == [3]int{100, 2, 3}, a != b)
	var grid [2][3]int
	grid[1][2] = 7
	g2 := grid
	g2[0][0] = 1
	fmt.Println(grid, g2)
	for i, v := range c {
		c[3] = "changed"
		fmt.Print(i, v, " ")
	}
	fmt.Println()
}
