package main

import "fmt"

type cell struct {
	alive bool
	n     int
}

func bump(cs [3]cell) [3]cell {
	for i := range cs {
		cs[i].n++
	}
	return cs
}

func main() {
	var board [3]cell
	next := bump(board)
	fmt.Println(board, next)
	for _, c := range next {
		c.alive = true
	}
	fmt.Println(next[0].alive)
	pa := &next
	for i := range pa {
		pa[i].alive = i%2 == 0
	}
	fmt.Printf("%+v\n", next)
	type matrix [2][2]int
	m := matrix{{1, 2}, {3, 4}}
	n := m
	n[0][0] = 100
	fmt.Println(m, n, m == matrix{{1, 2}, {3, 4}})
	s := m[:]
	s[1][1] = 40
	fmt.Println(m)
}
