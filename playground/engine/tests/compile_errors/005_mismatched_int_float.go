package main

import "fmt"

func main() {
	var i int = 3
	var f float64 = 1.5
	fmt.Println(i * f)
	var i32 int32 = 4
	fmt.Println(i + i32)
}
