// Too few type arguments for a generic type.
package main

type Pair[K comparable, V any] struct {
	Key K
	Val V
}

func main() {
	p := Pair[string]{"a", 1}
	_ = p
}
