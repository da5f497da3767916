// A slice converted to an array pointer aliases it; a copy does not; a
// slice shorter than the array panics with Go's runtime error.
package main

import "fmt"

type P struct{ x int }

func main() {
	s := []P{{1}, {2}, {3}}
	a := [2]P(s)
	a[0].x = 9
	fmt.Println(s, a)
	defer func() { fmt.Println("recovered:", recover()) }()
	_ = [5]P(s)
}
