package main

import "fmt"

func window(s []int, n int) []int {
	return s[:n]
}

func main() {
	s := make([]int, 2, 3)
	fmt.Println(window(s, 3))
	fmt.Println(window(s, 4))
}
