package main

import "fmt"

func main() {
	"café"
	fmt.Println('ÿ')
	/* ÿþ */
}
