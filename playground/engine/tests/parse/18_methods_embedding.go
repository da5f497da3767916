package main

import "fmt"

type Logger struct{ prefix string }

func (l *Logger) Log(msg string) { fmt.Println(l.prefix + msg) }

type Service struct {
	*Logger
	Name string
}

type Shape interface {
	Area() float64
	Perimeter() float64
}

type Rect struct{ W, H float64 }

func (r Rect) Area() float64      { return r.W * r.H }
func (r Rect) Perimeter() float64 { return 2 * (r.W + r.H) }

type Square struct {
	Rect
}

func (s Square) String() string { return fmt.Sprintf("Square(%v)", s.W) }

func main() {
	s := Service{Logger: &Logger{prefix: "[svc] "}, Name: "api"}
	s.Log("started " + s.Name)
	shapes := []Shape{Rect{2, 3}, Square{Rect{2, 2}}}
	for _, sh := range shapes {
		fmt.Println(sh.Area(), sh.Perimeter())
	}
	var st fmt.Stringer = Square{Rect: Rect{W: 1, H: 1}}
	fmt.Println(st)
	logf := s.Log
	logf("method value")
}
