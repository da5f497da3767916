package main

import "fmt"

type Named interface{ Name() string }
type T struct{}

func (T) Name() string { return "T" }

func main() {
	var x any = 42
	n, ok := x.(int)
	fmt.Println(n, ok)
	s, ok := x.(string)
	fmt.Printf("%q %v\n", s, ok)
	var y any = T{}
	if nm, ok := y.(Named); ok {
		fmt.Println("named", nm.Name())
	}
	_, ok = x.(Named)
	fmt.Println(ok)
	var z any
	_, ok = z.(int)
	fmt.Println(ok)
	f := x.(int) + 1
	fmt.Println(f)
	var e error = fmt.Errorf("x")
	_, ok = e.(fmt.Stringer)
	fmt.Println(ok)
}
