package main

import "fmt"

func main() {
	var a int64 = 9223372036854775807
	a++
	fmt.Println(a)
	var b uint64 = 0
	b--
	fmt.Println(b)
	var c uint64 = 18446744073709551615
	fmt.Println(c/3, c%7)
	var d int64 = -7
	fmt.Println(d/2, d%2, d>>1, uint64(d))
	var u uint = 1
	fmt.Println(u<<63, u<<64)
	var i int = -1
	fmt.Println(uint32(i), uint8(i))
}
