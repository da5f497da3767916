package main

import "fmt"

func main() {
	fmt.Printf("[%5s]\n", "é")
	fmt.Printf("[%-4s]\n", "世界")
	fmt.Printf("[%.1s]\n", "世界")
	fmt.Printf("[%q]\n", "世界")
	fmt.Printf("[%+q]\n", "世界")
	fmt.Printf("[%x]\n", "é")
	fmt.Printf("[%U]\n", '世')
	fmt.Printf("[%c]\n", 19990)
	fmt.Printf("[%5c]\n", '界')
	fmt.Printf("[%q]\n", rune(0x10FFFF+1))
}
