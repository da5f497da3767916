package main

type A struct{ x, y B }
type B struct{ p, q C }
type C struct{ r, s D }
type D struct{ t, u int }

func main() {
	type key struct{ a, be key }
	m := map[key]int{}
	_ = m
	var a A
	_ = a == a
}
