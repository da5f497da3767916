package main

import "fmt"

func main() {
	// A file saved in Latin-1: the byte of é is not UTF-8.
	fmt.Println("café")
}
