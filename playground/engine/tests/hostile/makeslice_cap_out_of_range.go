// A capacity past Go's maxAlloc, with a small length: Go blames the cap.
package main

import "fmt"

func main() {
	n := 1 << 50
	s := make([]int, 10, n)
	fmt.Println(len(s))
}
