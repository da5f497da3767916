package main

import "fmt" // café

func main() {
	fmt.Println("hi")
}
