package main

type T struct{ A int }

func (T) M() {}

func main() {
	t := T{}
	t.B = 1
	t.N()
	_ = t.a
}
