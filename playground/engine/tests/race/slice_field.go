package main

import (
	"fmt"
	"time"
)

type point struct{ x, y int }

func move(p *point, xs []int) {
	p.x++
	xs[1] = 7
}

func main() {
	p := &point{}
	xs := make([]int, 3)
	go move(p, xs)
	time.Sleep(time.Millisecond)
	fmt.Println(p.x, xs[1])
}
