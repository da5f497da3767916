package main

import "fmt"

type T struct{ n int }

func (t *T) Inc() { t.n++ }

type Incer interface{ Inc() }

func takesInt(n int) {}

func sign(x int) int {
	switch {
	case x > 0:
		return 1
	case x < 0:
		return -1
	}
}

func main() {
	var p *T
	p = T{}
	var i Incer = T{}
	takesInt("5")
	func() {}
	s := []int{1, 2, 3}
	for i := 0; i < len(s); i++ {
		fmt.Println(s[i])
	}
	var m map[string]int
	m.Set("a", 1)
	fmt.Println(p, i, sign(1))
	var x int = nil
	var e error = nil
	if e != nil && x {
	}
}
