package main

import "fmt"

func main() {
	‚Ç := 1
	fmt.Println("a‚Çb¿Ø")
}
