// One write bigger than the whole output budget.
// run: output_budget=65536
package main

import (
	"fmt"
	"strings"
)

func main() {
	fmt.Print(strings.Repeat("x", 1<<20))
	fmt.Println("never printed")
}
