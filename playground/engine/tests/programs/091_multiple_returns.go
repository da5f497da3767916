package main

import (
	"errors"
	"fmt"
)

func divmod(a, b int) (int, int) { return a / b, a % b }

func lookup(k string) (string, bool) {
	m := map[string]string{"a": "alpha"}
	v, ok := m[k]
	return v, ok
}

func parse(s string) (n int, err error) {
	if s == "" {
		err = errors.New("empty")
		return
	}
	n = len(s)
	return
}

func pass() (int, int) { return divmod(17, 5) }

func sum3(a, b, c int) int { return a + b + c }
func three() (int, int, int) { return 1, 2, 3 }

func main() {
	q, r := divmod(17, 5)
	fmt.Println(q, r)
	fmt.Println(divmod(9, 4))
	_, r2 := divmod(10, 3)
	fmt.Println(r2)
	fmt.Println(lookup("a"))
	fmt.Println(lookup("b"))
	fmt.Println(parse(""))
	fmt.Println(parse("four"))
	fmt.Println(pass())
	fmt.Println(sum3(three()))
	a, b := 1, 2
	a, b = b, a
	fmt.Println(a, b)
	x := []int{1, 2, 3}
	i := 0
	i, x[i] = 1, 9
	fmt.Println(i, x)
}
