package main

import "fmt"

func main() {
	s := []string{"a", "b", "c"}
	i := 5
	defer fmt.Println("deferred", len(s))
	fmt.Println(s[i:])
}
