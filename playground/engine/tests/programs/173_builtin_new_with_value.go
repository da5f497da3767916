package main

import "fmt"

type Options struct {
	Retries *int
	Name    *string
}

func main() {
	// Since Go 1.26, new accepts an expression: a pointer to a copy of it.
	p := new(42)
	s := new("hi")
	fmt.Println(*p, *s)
	*p++
	fmt.Println(*p)
	x := 7
	q := new(x)
	*q = 8
	fmt.Println(x, *q)
	o := Options{Retries: new(3), Name: new("svc")}
	fmt.Println(*o.Retries, *o.Name)
	fmt.Printf("%T %T\n", new(1.5), new([]int{1}))
}
