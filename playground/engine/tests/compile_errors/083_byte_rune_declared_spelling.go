package main

// go/types prints a declared type as the declaration spells it: byte and
// rune are aliases of uint8 and int32, and keep their names.

var r rune = 1 << 40

func f(x uint8) byte { return x }

func main() {
	var b byte = 300
	var u uint8 = 256
	var s byte = "x"
	var c byte = f(300)
	var n, m rune = 1, 1 << 32
	_, _, _, _, _, _ = b, u, s, c, n, m
}

func typed() {
	var s string
	var b byte = s
	var r rune = b
	_, _ = b, r
}
