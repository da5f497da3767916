package main

import (
	"fmt"
	"math"
)

type Mask uint64

// A typed result must fit its type; an untyped one its default type.
func main() {
	_ = ^-top
	var i int = 1 << 100
	x := 1 << 100
	var y = 1 << 100
	var u uint64 = math.MaxUint64 + 1
	var w Mask = 1 << 64
	var b int8 = 'a' << 2
	fmt.Println(1 << 100)
	fmt.Println(i, x, y, u, w, b)
}

const top = 1<<511 - 1 + 1<<511
