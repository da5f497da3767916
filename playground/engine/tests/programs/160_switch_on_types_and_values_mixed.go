package main

import "fmt"

type Shape interface{ Sides() int }
type Tri struct{}
type Quad struct{ square bool }

func (Tri) Sides() int  { return 3 }
func (Quad) Sides() int { return 4 }

func describe(s Shape) string {
	switch v := s.(type) {
	case Tri:
		return "triangle"
	case Quad:
		switch {
		case v.square:
			return "square"
		default:
			return "quadrilateral"
		}
	case nil:
		return "no shape"
	}
	return "unknown"
}

func main() {
	for _, s := range []Shape{Tri{}, Quad{true}, Quad{}, nil} {
		fmt.Println(describe(s))
	}
	x := 5
	switch y := x * 2; {
	case y > 5 && y < 20:
		fmt.Println("mid", y)
		fallthrough
	case y > 100:
		fmt.Println("fell into big")
	default:
		fmt.Println("default")
	}
	switch c := 'b'; c {
	case 'a', 'e', 'i', 'o', 'u':
		fmt.Println("vowel")
	default:
		fmt.Printf("consonant %c\n", c)
	}
}
