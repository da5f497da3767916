package main

import "fmt"

var seq func(func(int) bool)

func f() (int, error) {
	for x := range seq {
		if x > 0 {
			return x
		}
		return "a", nil
	}
	return 0, nil
}

func g() {
	for x := range seq {
		y := x
		return 1
	}
}

func h() int {
	for x := range seq {
		return x
	}
}

func main() {
	var s string
	for s = range seq {
	}
	for i, j := range seq {
		fmt.Println(i, j)
	}
	fmt.Println(f())
	g()
	h()
}
