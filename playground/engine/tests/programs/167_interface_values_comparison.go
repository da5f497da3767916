package main

import (
	"errors"
	"fmt"
)

type key struct{ a, b int }

func main() {
	var x, y any = key{1, 2}, key{1, 2}
	fmt.Println(x == y, x != any(key{2, 1}))
	var e1 error = errors.New("e")
	var e2 error = errors.New("e")
	fmt.Println(e1 == e2, e1 == e1)
	m := map[any]string{1: "int", "1": "string", key{0, 0}: "key", 1.0: "float"}
	fmt.Println(len(m), m[1], m[1.0], m[key{}])
	var p1, p2 *int
	var i1, i2 any = p1, p2
	fmt.Println(i1 == i2, i1 == nil)
	var s fmt.Stringer
	var a any = s
	fmt.Println(a == nil, s == nil)
}
