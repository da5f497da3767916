// Declarations Go refuses: an interface method with type parameters, a
// type parameter embedded in a struct, ~ on a defined type, a constraint
// used as a type, and a generic type's method without its parameters.
package main

type Getter interface {
	Get[T any]() T
}

type Wrapper[T any] struct {
	T
	n int
}

type MyInt int

type Bad interface{ ~MyInt }

type Pair[K comparable, V any] struct {
	k K
	v V
}

func (p Pair) Key() int { return 0 }

func Use(x comparable) {}

func main() {
	var w Wrapper[int]
	_ = w.n
}
