package main

import (
	"errors"
	"fmt"
)

type Phasor complex64

type Number interface {
	~int | ~float64 | ~complex128 | ~complex64
}

func Sum[T Number](xs ...T) T {
	var s T
	for _, x := range xs {
		s += x
	}
	return s
}

func Scale[C ~complex64 | ~complex128](c C, k C) C { return c * k }

type Signal struct {
	Samples []complex128
	Peak    complex128
}

func (s *Signal) Add(c complex128) {
	s.Samples = append(s.Samples, c)
	if real(c)*real(c)+imag(c)*imag(c) > real(s.Peak)*real(s.Peak)+imag(s.Peak)*imag(s.Peak) {
		s.Peak = c
	}
}

// Named complex types, generics over complex type sets, methods, panics
// with complex values, and println.
func main() {
	var p Phasor = 1 + 1i
	p *= p
	fmt.Printf("%v %T %v\n", p, p, complex64(p))
	fmt.Println(Sum(1+1i, 2, 3i), Sum[complex64](1, 1i), Sum(1.5, 2), Sum(Phasor(1i), Phasor(1)))
	fmt.Printf("%T %v\n", Scale(p, 2i), Scale(p, 2i))
	var s Signal
	for _, c := range []complex128{1, 2i, -3 + 1i, 1 - 1i} {
		s.Add(c)
	}
	fmt.Printf("%+v\n", s)
	println(1+2i, complex64(0.1), -3i)
	func() {
		defer func() {
			r := recover()
			fmt.Printf("recovered %v %T\n", r, r)
		}()
		panic(p)
	}()
	err := fmt.Errorf("bad sample %v: %w", 1-2i, errors.New("clipped"))
	fmt.Println(err, errors.Unwrap(err))
	panic(complex(3, -4))
}
