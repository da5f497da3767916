package main

import "fmt"

type Tree struct {
	Left, Right *Tree
	Val         int
}

func build(depth, val int) *Tree {
	if depth == 0 {
		return nil
	}
	return &Tree{build(depth-1, 2*val), build(depth-1, 2*val+1), val}
}

func sum(t *Tree, out chan<- int) {
	if t == nil {
		out <- 0
		return
	}
	ch := make(chan int, 2)
	go sum(t.Left, ch)
	go sum(t.Right, ch)
	out <- t.Val + <-ch + <-ch
}

func main() {
	t := build(6, 1)
	out := make(chan int)
	go sum(t, out)
	fmt.Println("sum", <-out)
}
