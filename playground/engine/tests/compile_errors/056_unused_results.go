package main

import "strings"

func main() {
	x := 1
	x == 2
	strings.ToUpper("a")
	len("abc")
	append([]int{}, 1)
}
