package main

type Shape interface {
	Area() float64
}

type Square struct{ s float64 }

func (sq *Square) Area() float64 { return sq.s * sq.s }

type Circle struct{}

func main() {
	var a Shape = Square{2}
	var b Shape = Circle{}
	_, _ = a, b
}
