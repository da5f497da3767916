// A terabyte string: Go runs out of memory, the engine at its heap budget.
package main

import (
	"fmt"
	"strings"
)

func main() {
	s := strings.Repeat("x", 1<<40)
	fmt.Println(len(s))
}
