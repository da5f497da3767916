// Operators on type parameters whose type sets mix kinds: + on numbers
// and strings, ordering on cmp.Ordered-like sets, conversions between
// type sets, untyped constants converted to a type parameter, and a
// type parameter's zero value.
package main

import "fmt"

type AddType interface {
	int | int64 | string
}

func Add[T AddType](a, b T) T { return a + b }

type Float interface{ ~float32 | ~float64 }

func Mean[T Float](xs ...T) T {
	var sum T
	for _, x := range xs {
		sum += x
	}
	return sum / T(len(xs))
}

func Clamp[T ~int | ~float64](x, lo, hi T) T {
	if x < lo {
		return lo
	}
	if x > hi {
		return hi
	}
	return x
}

func Double[T ~int8 | ~int16](x T) T { return x * 2 }

func IsZero[T comparable](v T) bool {
	var zero T
	return v == zero
}

type Celsius float32

func main() {
	fmt.Println(Add(5, 3), Add[int64](1<<40, 1), Add("ab", "cd"))
	fmt.Println(Mean(1.0, 2.0, 4.5), Mean(Celsius(10), Celsius(11)))
	fmt.Printf("%T %v\n", Mean(Celsius(1)), Mean[float32](0.1, 0.2))
	fmt.Println(Clamp(15, 0, 10), Clamp(-2.5, -1, 1), Clamp(5, 0, 10))
	fmt.Println(Double(int8(100)), Double(int16(100)))
	fmt.Println(IsZero(0), IsZero("x"), IsZero[*int](nil), IsZero(struct{ a int }{}))
}
