package main

import "fmt"

func count(n int) func(func(int) bool) {
	return func(yield func(int) bool) {
		for i := 0; i < n; i++ {
			if !yield(i) {
				return
			}
		}
	}
}

func divide(a, b int) int {
	return a / b
}

func main() {
	for i := range count(2) {
		for j := range count(3) {
			func() {
				fmt.Println(i, j, divide(10, 2-j))
			}()
		}
	}
}
