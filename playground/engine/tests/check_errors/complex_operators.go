package main

import "fmt"

func main() {
	c := 1 + 2i
	d := complex64(3i)
	fmt.Println(c < c, c%c, c > 1)
	fmt.Println(c << 1, c & c)
	var f float64 = c
	var g complex128 = d
	_ = complex(1, float32(2)) + c
	var i int = 1i
	fmt.Println(f, g, i, real(1), imag("x"), complex(1, 2, 3))
	x := complex(float32(1), 2.0)
	var h float64 = real(x)
	_ = h
	const k = 1 / 0i
	fmt.Println(int(2+0i), float32(1+1i), c == d)
	for j := range c {
		_ = j
	}
	_ = c[0]
	_ = -d + c
	var n int = 3
	_ = complex(n, n)
	_ = 1 + real(c) + real("s")
	var m map[[]complex128]int
	_ = m
}
