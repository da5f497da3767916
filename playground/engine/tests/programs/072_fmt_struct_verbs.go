package main

import "fmt"

type Inner struct {
	N    int
	Tags []string
}

type Outer struct {
	Name  string
	In    Inner
	Ptr   *Inner
	M     map[string]int
	Any   any
	Err   error
	F     float64
	small bool
}

func main() {
	in := Inner{1, []string{"a"}}
	o := Outer{Name: "x", In: in, Ptr: &in, M: map[string]int{"k": 1}, Any: 3, F: 2.5}
	fmt.Printf("%v\n", o.In)
	fmt.Printf("%+v\n", o.In)
	fmt.Printf("%#v\n", o.In)
	fmt.Printf("%v\n", &in)
	fmt.Printf("%+v\n", &in)
	fmt.Printf("%#v\n", []int{1, 2})
	fmt.Printf("%#v\n", map[string]int{"b": 2, "a": 1})
	fmt.Printf("%#v %#v %#v %#v\n", "s", 42, 2.0, true)
	fmt.Printf("%#v\n", struct{ A, B int }{1, 2})
	var np *Inner
	fmt.Printf("%v %+v\n", np, np)
	var e any
	fmt.Printf("%v %#v %T\n", e, e, e)
	o.Ptr = nil
	fmt.Printf("%v\n", o)
	fmt.Printf("%+v\n", o)
	fmt.Printf("%#v\n", []any{1, "a", nil})
	fmt.Printf("%#v\n", [2]bool{true})
}
