package main

import (
	"fmt"
	"strconv"
)

type MyInt int
type IntSlice []int
type Handler func(string) error

func (h Handler) Call(s string) error { return h(s) }

func main() {
	var i int = 65
	f := float64(i)
	u := uint8(i)
	s := string(rune(i))
	bs := []byte("hi")
	str := string(bs)
	m := MyInt(7)
	back := int(m)
	is := IntSlice([]int{1, 2})
	h := Handler(func(s string) error { return nil })
	p := (*int)(nil)
	fn := (func())(nil)
	ch := (<-chan int)(nil)
	n, err := strconv.Atoi("12")
	fmt.Println(f, u, s, str, m, back, is, h.Call("x"), p == nil, fn == nil, ch == nil, n, err)
	fmt.Println(strconv.Itoa(42), strconv.Quote("q"), []interface{}{1, "a"}, map[string]interface{}{})
}
