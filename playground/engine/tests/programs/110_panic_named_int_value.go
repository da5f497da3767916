package main

import "fmt"

type Code int
type Label string

func (l Label) String() string { return "label<" + string(l) + ">" }

func check(v any) {
	defer func() { fmt.Println("recovered:", recover()) }()
	panic(v)
}

func main() {
	check(Label("x"))
	check(3.5)
	check(uint8(7))
	panic(Code(404))
}
