package main

import "fmt"

// An iterator that recovers the body's panic and calls yield again.
func retry(yield func(int) bool) {
	defer func() {
		r := recover()
		fmt.Println("iterator recovered:", r)
		yield(2)
	}()
	yield(1)
}

func main() {
	for v := range retry {
		fmt.Println("body", v)
		if v == 1 {
			panic("first call fails")
		}
	}
	fmt.Println("not reached")
}
