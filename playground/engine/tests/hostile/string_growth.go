// A string that doubles without end.
// run: heap_budget=16777216
package main

func main() {
	s := "x"
	for {
		s += s
	}
}
