// Methods with type parameters of their own (Go 1.27), on a plain type
// and on a generic type: inferred, explicit, and as method values.
package main

import (
	"fmt"
	"strconv"
)

type Box struct{ n int }

func (b Box) Repeat[T any](x T) []T {
	out := make([]T, b.n)
	for i := range out {
		out[i] = x
	}
	return out
}

type List[T any] struct{ items []T }

func (l *List[T]) Push(v T) { l.items = append(l.items, v) }

func (l *List[T]) Map[U any](f func(T) U) *List[U] {
	out := &List[U]{}
	for _, v := range l.items {
		out.Push(f(v))
	}
	return out
}

func main() {
	fmt.Println(Box{2}.Repeat("a"), Box{3}.Repeat[int](7))
	var l List[int]
	l.Push(1)
	l.Push(2)
	s := l.Map(strconv.Itoa)
	fmt.Printf("%T %v\n", s, s.items)
	r := Box{1}.Repeat[bool]
	fmt.Println(r(true))
	d := l.Map[float64](func(x int) float64 { return float64(x) / 2 })
	fmt.Println(d.items)
}
