package main

import "fmt"

func main() {
	ints := []int{42, 0x2A, 0X2a, 0o52, 0O52, 052, 0b101010, 0B101010, 1_000_000, 0x_FF, 0}
	floats := []float64{1.5, .5, 1., 1e3, 1E-3, 0x1p-2, 0x1.8p1, 0X.8p0, 1_000.000_1, 015.5, 09.5}
	runes := []rune{'a', 'ä', '本', '\t', '\000', '\007', '\x7f', '\u12e4', '\U00101234', '\'', '\\'}
	strs := []string{"plain", "tab\there", "\xff\xfe", "\u65e5本\U00008a9e", `raw \n string`, `multi
line`, "quote\"inside", ""}
	c := 1 + 2i
	d := 0x1p-2i
	fmt.Println(ints, floats, runes, strs, c, d, 0i, 0123i)
}
