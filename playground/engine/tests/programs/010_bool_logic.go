package main

import "fmt"

func side(name string, v bool) bool {
	fmt.Println("eval", name)
	return v
}

func main() {
	t, f := true, false
	fmt.Println(t && f, t || f, !t, t != f, t == !f)
	if side("a", false) && side("b", true) {
		fmt.Println("both")
	}
	if side("c", true) || side("d", true) {
		fmt.Println("either")
	}
	var zero bool
	fmt.Println(zero)
	fmt.Printf("%v %t\n", t, f)
}
