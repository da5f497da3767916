// An int length past Go's maxAlloc: the allocation's panic.
package main

import (
	"fmt"
	"strings"
)

func main() {
	s := strings.Repeat("x", 1<<50)
	fmt.Println(len(s))
}
