// How fmt prints instances of generic types: %v, %+v, %#v and %T, nested
// in slices and maps, and a type switch telling instances apart.
package main

import "fmt"

type Pair[K comparable, V any] struct {
	Key K
	Val V
}

type Tree[T any] struct {
	L, R *Tree[T]
	V    T
}

func main() {
	p := Pair[string, []int]{"a", []int{1}}
	fmt.Printf("%v|%+v|%#v|%T\n", p, p, p, p)
	t := Tree[int]{V: 1}
	fmt.Printf("%v|%+v|%T|%T\n", t, t, &t, []Pair[int, bool]{})
	var e any = Pair[int, int]{}
	switch e.(type) {
	case Pair[int, string]:
		fmt.Println("wrong")
	case Pair[int, int]:
		fmt.Println("right")
	}
	fmt.Printf("%#v\n", map[string]Pair[int, bool]{"x": {1, true}})
}
