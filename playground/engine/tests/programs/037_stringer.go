package main

import "fmt"

type Color int

const (
	Red Color = iota
	Green
	Blue
)

func (c Color) String() string {
	switch c {
	case Red:
		return "Red"
	case Green:
		return "Green"
	}
	return fmt.Sprintf("Color(%d)", int(c))
}

type Point struct{ X, Y int }

func (p *Point) String() string { return fmt.Sprintf("(%d,%d)", p.X, p.Y) }

func main() {
	fmt.Println(Red, Blue, Color(7))
	fmt.Printf("%v %s %d %q\n", Green, Green, Green, Green)
	cs := []Color{Blue, Red}
	fmt.Println(cs)
	m := map[Color]int{Green: 1, Red: 2}
	fmt.Println(m)
	p := Point{1, 2}
	fmt.Println(p, &p)
	fmt.Printf("%v %+v\n", &p, p)
	type wrap struct{ C Color }
	fmt.Printf("%v %+v\n", wrap{Green}, wrap{Blue})
	fmt.Println(fmt.Sprint(Red) + "!")
}
