// Printing 100,000 values whose String method fmt calls (and which
// formats with Sprintf itself): the path a native takes into Go code
// and back, many times over.
package main

import "fmt"

type point struct{ x, y int }

func (p point) String() string { return fmt.Sprintf("(%d, %d)", p.x, p.y) }

func main() {
	sum := 0
	for i := 0; i < 100000; i++ {
		p := point{i, -i}
		fmt.Println(p)
		sum += len(p.String())
	}
	fmt.Println(sum)
}
