package main

type Node struct {
	Val  int
	Next Node
}

func main() {
	var n Node
	_ = n
}
