// Dynamic dispatch: method calls through an interface.
package main

import "fmt"

type Shape interface {
	Area() int
}

type Rect struct{ W, H int }
type Square struct{ S int }

func (r Rect) Area() int   { return r.W * r.H }
func (s Square) Area() int { return s.S * s.S }

func main() {
	shapes := []Shape{Rect{2, 3}, Square{4}, Rect{5, 1}}
	total := 0
	for i := 0; i < 1_000_000; i++ {
		total += shapes[i%3].Area()
	}
	fmt.Println(total)
}
