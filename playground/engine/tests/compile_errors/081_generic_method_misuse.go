// A method with type parameters used without instantiation, or with too
// many type arguments.
package main

type Box struct{}

func (Box) Get[T any](x T) T { return x }

func main() {
	f := Box{}.Get
	_ = Box{}.Get[int, string]
	_ = f
}
