package main

import "fmt"

// At run time byte and rune are uint8 and int32: reflect (and %T, %v of
// a type) knows no aliases.
func main() {
	var b byte = 'A'
	var r rune = 'é'
	bs := []byte("hi")
	m := map[string]rune{"x": 'x'}
	fmt.Printf("%T %T %T %T\n", b, r, bs, m)
	fmt.Printf("%v %v %v %v\n", b, r, bs, m)
	var f func(byte) rune
	fmt.Printf("%T %T\n", f, [2]byte{})
	var x any = b
	_, ok := x.(uint8)
	fmt.Println(ok)
}
