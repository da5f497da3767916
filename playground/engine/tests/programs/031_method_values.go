package main

import "fmt"

type Acc struct{ total int }

func (a *Acc) Add(n int) { a.total += n }
func (a Acc) Get() int   { return a.total }

func main() {
	a := &Acc{}
	add := a.Add
	add(5)
	add(7)
	fmt.Println(a.total)
	v := Acc{100}
	get := v.Get
	v.total = 200
	fmt.Println(get(), v.Get())
	expr := (*Acc).Add
	expr(a, 1)
	fmt.Println(a.Get())
	g2 := Acc.Get
	fmt.Println(g2(Acc{3}))
	fns := []func(int){a.Add, a.Add}
	for i, f := range fns {
		f(i * 10)
	}
	fmt.Println(a.total)
}
