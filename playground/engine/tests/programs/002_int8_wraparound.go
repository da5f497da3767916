package main

import "fmt"

func main() {
	var a int8 = 127
	a++
	fmt.Println(a)
	var b int8 = -128
	b--
	fmt.Println(b)
	var c int8 = 100
	c *= 3
	fmt.Println(c)
	var d int8 = -128
	fmt.Println(-d, d/-1)
	var u uint8 = 0
	u--
	fmt.Println(u)
	u += 10
	fmt.Println(u)
}
