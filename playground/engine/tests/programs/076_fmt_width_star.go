package main

import "fmt"

func main() {
	fmt.Printf("[%*d]\n", 5, 42)
	fmt.Printf("[%-*d]\n", 5, 42)
	fmt.Printf("[%.*f]\n", 2, 3.14159)
	fmt.Printf("[%*.*f]\n", 8, 3, 2.5)
	fmt.Printf("[%[2]d %[1]d]\n", 1, 2)
	fmt.Printf("[%[1]d %[1]x %[1]o]\n", 64)
	fmt.Printf("[%6v][%-6v][%06v]\n", 12, true, 3)
	fmt.Printf("[%8v][%-8v]\n", []int{1, 2}, "ab")
	fmt.Printf("[%5t][%v]\n", false, 'a')
	fmt.Printf("[%x][% X]\n", []byte{1, 171, 255}, []byte{1, 171})
	fmt.Printf("[%3d]\n", []int{1, 22, 333})
	fmt.Printf("[%05s]\n", "ab")
}
