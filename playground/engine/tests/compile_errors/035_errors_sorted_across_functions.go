package main

import "os"

func b() int {
	return "b"
}

func a() {
	y := 2
}

func main() {
	undefinedCall()
	var z int = "z"
}
