// A negative length is Go's panic.
package main

import "fmt"

func main() {
	n := -1
	s := make([]int, n)
	fmt.Println(len(s))
}
