package main

import (
	"errors"
	"fmt"
)

func count(n int) func(func(int) bool) {
	return func(yield func(int) bool) {
		defer fmt.Println("iterator's defer runs while panicking")
		for i := 0; i < n; i++ {
			if !yield(i) {
				return
			}
		}
	}
}

func check(i int) {
	if i == 2 {
		panic(errors.New("two is not allowed"))
	}
}

func main() {
	defer fmt.Println("main's defer")
	for i := range count(5) {
		fmt.Println("got", i)
		check(i)
	}
	fmt.Println("not reached")
}
