package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
)

type NotFound struct{ Key string }

func (e *NotFound) Error() string { return "not found: " + e.Key }

type Shape interface {
	Area() float64
	Perimeter() float64
}
type Rect struct{ W, H float64 }
type Circle struct{ R float64 }

func (r Rect) Area() float64        { return r.W * r.H }
func (r Rect) Perimeter() float64   { return 2 * (r.W + r.H) }
func (c Circle) Area() float64      { return 3.14159 * c.R * c.R }
func (c Circle) Perimeter() float64 { return 2 * 3.14159 * c.R }

type Animal struct{ Name string }

func (a *Animal) Speak() string { return a.Name + " makes a sound" }

type Dog struct {
	Animal
	Breed string
}

func find(k string) error {
	if k == "x" {
		return fmt.Errorf("lookup %q: %w", k, &NotFound{k})
	}
	return nil
}

func main() {
	shapes := []Shape{Rect{3, 4}, Circle{1}, Rect{1, 1}}
	total := 0.0
	for _, s := range shapes {
		switch v := s.(type) {
		case Rect:
			fmt.Println("rect", v.W, v.H, v.Area())
		case Circle:
			fmt.Printf("circle %.2f %.3f\n", v.R, v.Perimeter())
		}
		total += s.Area()
	}
	fmt.Printf("total %.4f\n", total)
	d := Dog{Animal{"Rex"}, "lab"}
	fmt.Println(d.Speak(), d.Name)
	err := find("x")
	var nf *NotFound
	fmt.Println(err, errors.As(err, &nf), nf.Key)
	fmt.Println(errors.Unwrap(err) == error(nf))
	j := errors.Join(errors.New("a"), nil, errors.New("b"))
	fmt.Println(j)
	fmt.Printf("%q\n", j.Error())
	_, err = os.Open("/nope.txt")
	fmt.Println(err, errors.Is(err, fs.ErrNotExist), errors.Is(err, os.ErrNotExist))
	var pe *fs.PathError
	if errors.As(err, &pe) {
		fmt.Println(pe.Op, pe.Path, pe.Err)
	}
	var s Shape
	fmt.Println(s == nil)
	defer func() {
		r := recover()
		fmt.Println("recovered:", r)
		var re interface{ RuntimeError() }
		_ = re
		if e, ok := r.(error); ok {
			fmt.Println("is error:", e.Error())
		}
	}()
	fmt.Println(s.Area())
}
