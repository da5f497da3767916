// A precision of 2^40 digits: Go would allocate a terabyte; past the
// heap budget.
package main

import (
	"fmt"
	"strconv"
)

func main() {
	s := strconv.FormatFloat(1, 'f', 1<<40, 64)
	fmt.Println(len(s))
}
