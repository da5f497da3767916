package main

import "fmt"

var x = "package"

func show() { fmt.Println(x) }

func main() {
	show()
	x := "main"
	fmt.Println(x)
	show()
	for x := 0; x < 2; x++ {
		fmt.Println("loop", x)
	}
	err := fmt.Errorf("outer")
	if true {
		val, err := 5, fmt.Errorf("inner")
		fmt.Println(val, err)
	}
	fmt.Println(err)
	len := 3
	fmt.Println(len)
	{
		fmt := "shadowed package name"
		_ = fmt
	}
	type int string
	var s int = "a string"
	fmt.Println(s)
	true := false
	fmt.Println(true)
}
