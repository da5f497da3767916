// A precision of 100,000 digits: Go prints them all (zeros past the
// double's exact expansion).
package main

import (
	"fmt"
	"strconv"
	"strings"
)

func main() {
	s := strconv.FormatFloat(0.1, 'f', 100000, 64)
	fmt.Println(len(s), s[:60], strings.Count(s, "0"))
	e := strconv.FormatFloat(0.1, 'e', 100000, 64)
	fmt.Println(len(e), e[len(e)-8:])
	panic("done")
}
