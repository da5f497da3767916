package main

import "fmt"

func main() {
	defer fmt.Println("last defer")
	defer func() {
		r := recover()
		fmt.Println("saw", r)
		panic(r)
	}()
	var m map[int]int
	m[1]++
}
