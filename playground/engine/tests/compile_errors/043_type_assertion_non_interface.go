package main

type Stringer interface{ String() string }
type T struct{}

func main() {
	x := 5
	_ = x.(int)
	var s Stringer
	_ = s.(T)
}
