// A length that overflows int: strings.Repeat's own panic.
package main

import (
	"fmt"
	"strings"
)

func main() {
	s := strings.Repeat("xx", 1<<62)
	fmt.Println(len(s))
}
