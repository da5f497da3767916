package main

import "fmt"

func main() {
	café := 1
	fmt.Println(caf)
}
