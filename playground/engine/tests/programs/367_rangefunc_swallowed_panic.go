package main

import "fmt"

// An iterator that recovers the loop body's panic and returns normally.
func swallow(yield func(int) bool) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Println("iterator recovered:", r)
		}
	}()
	yield(1)
}

func main() {
	for v := range swallow {
		fmt.Println("body", v)
		panic("body fails")
	}
	fmt.Println("not reached")
}
