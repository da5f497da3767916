package main

import "fmt"

func main() {
	s := make([]int, 3, 5)
	fmt.Println(s[1:5], len(s[:4]))
	lo, hi := 3, 2
	fmt.Println(s[lo:hi])
}
