package main

import "fmt"

func main() {
	s := "abc"
	r := 'd'
	fmt.Println(s + r)
	var b byte = s[0]
	fmt.Println(b == r)
}
