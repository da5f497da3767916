// A []rune takes many times its string's bytes: past the heap budget
// (checked before the runes are built).
// run: heap_budget=67108864
package main

import (
	"fmt"
	"strings"
)

func main() {
	s := strings.Repeat("x", 1<<24)
	r := []rune(s)
	fmt.Println(len(r))
}
