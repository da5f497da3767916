// Constraints with type sets: unions of ~terms, comparable, cmp.Ordered,
// methods in a constraint, and named types that satisfy ~T.
package main

import (
	"cmp"
	"fmt"
)

type Number interface {
	~int | ~int8 | ~int64 | ~float64
}

func Sum[T Number](xs ...T) T {
	var s T
	for _, x := range xs {
		s += x
	}
	return s
}

func Max[T cmp.Ordered](a, b T) T {
	if a > b {
		return a
	}
	return b
}

func Index[T comparable](s []T, v T) int {
	for i, x := range s {
		if x == v {
			return i
		}
	}
	return -1
}

type Celsius float64

func (c Celsius) String() string { return fmt.Sprintf("%.1f°C", float64(c)) }

type Stringer interface{ String() string }

type StringNumber interface {
	Number
	String() string
}

func Describe[T StringNumber](xs []T) string {
	total := Sum(xs...)
	return total.String() + " from " + fmt.Sprint(len(xs))
}

func Scale[T ~int | ~float64](x T, by T) T { return x * by }

func Half[T ~float64](x T) T { return x / 2 }

type point struct{ x, y int }

func main() {
	fmt.Println(Sum(1, 2, 3), Sum(0.5, 0.25), Sum[int8](100, 27))
	fmt.Println(Sum(Celsius(20), Celsius(1.5)))
	fmt.Println(Max(3, 9), Max("go", "c"), Max(2.5, -1))
	fmt.Println(Index([]string{"a", "b"}, "b"), Index([]point{{1, 2}, {3, 4}}, point{3, 4}))
	fmt.Println(Index([]any{1, "x"}, any("x")))
	fmt.Println(Describe([]Celsius{10, 12.5}))
	fmt.Println(Scale(3, 4), Scale(1.5, 2), Half(Celsius(9)))
	var i8 int8 = 127
	fmt.Println(Sum(i8, 1))
}
