package main

import "fmt"

func trace(msg string) func() {
	fmt.Println("enter", msg)
	return func() { fmt.Println("exit", msg) }
}

func main() {
	defer trace("main")()
	for i := 0; i < 3; i++ {
		defer fmt.Println("deferred", i)
	}
	x := 1
	defer fmt.Println("x at defer time:", x)
	defer func() { fmt.Println("x at exit:", x) }()
	x = 100
	s := []int{1}
	defer fmt.Println("slice", s)
	s[0] = 42
	fmt.Println("body done")
}
