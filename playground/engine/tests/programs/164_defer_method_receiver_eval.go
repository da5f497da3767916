package main

import "fmt"

type Msg struct{ text string }

func (m Msg) Print()     { fmt.Println("value:", m.text) }
func (m *Msg) PrintPtr() { fmt.Println("pointer:", m.text) }

func main() {
	m := Msg{"before"}
	defer m.Print()
	defer m.PrintPtr()
	defer func() { m.Print() }()
	m.text = "after"
	x := 1
	defer fmt.Println("args:", x, x*10)
	x = 2
	f := func(s string) { fmt.Println("f", s) }
	defer f("first f")
	f = func(s string) { fmt.Println("g", s) }
	defer f("second f")
}
