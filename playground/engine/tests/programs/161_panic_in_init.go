package main

import "fmt"

var table = map[string]int{"a": 1}

func init() {
	fmt.Println("init runs first")
	if table["b"] == 0 {
		panic("init: missing key b")
	}
}

func main() {
	fmt.Println("never reached")
}
