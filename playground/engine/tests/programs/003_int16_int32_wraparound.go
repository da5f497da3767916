package main

import "fmt"

func main() {
	var a int16 = 32767
	a += 2
	fmt.Println(a)
	var b uint16 = 65535
	b++
	fmt.Println(b)
	var c int32 = 2147483647
	c++
	fmt.Println(c)
	var d uint32 = 1 << 31
	d *= 2
	fmt.Println(d)
	var e int32 = 1 << 20
	e *= e
	fmt.Println(e)
	x := int16(-300)
	fmt.Println(uint16(x), int8(x), uint8(x))
}
