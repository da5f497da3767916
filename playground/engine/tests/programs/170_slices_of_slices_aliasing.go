package main

import "fmt"

var sink [][]int

func main() {
	buf := make([]int, 0, 8)
	var rows [][]int
	for i := 0; i < 3; i++ {
		buf = append(buf[:0], i, i*10)
		rows = append(rows, buf)
	}
	fmt.Println(rows)
	var fixed [][]int
	for i := 0; i < 3; i++ {
		row := []int{i, i * 10}
		fixed = append(fixed, row)
	}
	sink = fixed
	fmt.Println(fixed)
	a := []int{1, 2, 3, 4}
	b := a[:2]
	c := append(b, 99)
	fmt.Println(a, b, c)
	d := a[:2:2]
	e := append(d, 77)
	e[0] = -1
	fmt.Println(a, d, e)
}
