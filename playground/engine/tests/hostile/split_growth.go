// Splitting 16 MiB of commas makes 16 million strings: past the heap
// budget (checked before they are built).
// run: heap_budget=67108864
package main

import (
	"fmt"
	"strings"
)

func main() {
	s := strings.Repeat(",", 1<<24)
	parts := strings.Split(s, ",")
	fmt.Println(len(parts))
}
