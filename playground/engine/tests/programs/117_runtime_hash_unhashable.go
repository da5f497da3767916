package main

import "fmt"

func main() {
	m := map[any]int{}
	m[1] = 1
	m["a"] = 2
	m[[2]int{1, 2}] = 3
	fmt.Println(len(m), m[[2]int{1, 2}])
	defer func() { fmt.Println("recovered:", recover()) }()
	key := []int{1}
	m[key] = 4
}
