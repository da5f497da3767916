package main

import "fmt"

func shl(x, n int) int { return x << n }

func main() {
	fmt.Println(shl(1, 10), shl(1, 63), shl(1, 64), shl(-1, 100))
	var u uint32 = 1
	fmt.Println(u<<31, u<<32, u>>40)
	fmt.Println(shl(1, -2))
}
