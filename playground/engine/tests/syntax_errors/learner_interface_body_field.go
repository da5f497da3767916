package main

type I interface {
	x int
}

func main() {}
