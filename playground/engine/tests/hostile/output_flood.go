// Prints without end: the output budget stops it, and what was printed
// up to the budget is kept.
// run: output_budget=65536
package main

import "fmt"

func main() {
	for i := 0; ; i++ {
		fmt.Println("line", i, "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx")
	}
}
