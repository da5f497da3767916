// Each byte of a megabyte replaced by 4 KiB: 4 GiB, past the heap budget
// (checked before the result is built).
// run: heap_budget=67108864
package main

import (
	"fmt"
	"strings"
)

func main() {
	s := strings.Repeat("x", 1<<20)
	t := strings.ReplaceAll(s, "x", strings.Repeat("y", 1<<12))
	fmt.Println(len(t))
}
