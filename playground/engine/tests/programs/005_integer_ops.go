package main

import "fmt"

func main() {
	a, b := 17, 5
	fmt.Println(a+b, a-b, a*b, a/b, a%b)
	fmt.Println(-a/b, -a%b, a/-b, a%-b)
	fmt.Println(a&b, a|b, a^b, a&^b, ^a)
	fmt.Println(a<<3, a>>2, -a>>1)
	x := 0xFF
	y := 0o17
	z := 0b1010
	w := 1_000_000
	fmt.Println(x, y, z, w, 017)
	var r rune = 'A'
	var by byte = 'z'
	fmt.Println(r, by, r+1, by-1)
	const big = 1 << 100
	fmt.Println(big >> 98)
}
