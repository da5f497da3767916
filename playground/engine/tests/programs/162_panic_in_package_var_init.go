package main

import "fmt"

var values = []int{1, 2, 3}
var fourth = pick(3)

func pick(i int) int {
	return values[i]
}

func main() {
	fmt.Println(fourth)
}
