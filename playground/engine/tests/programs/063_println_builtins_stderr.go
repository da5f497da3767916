package main

import "fmt"

func main() {
	println("hello from println", 42, true)
	print("print ", 1, 2, "\n")
	println(3.5, -0.25, 1e100)
	println('x', uint8(7), int64(-9))
	var p *int
	println(p == nil, "done")
	fmt.Println("stdout line")
	println()
	print("no newline")
}
