package main

import "fmt"

// complex64 keeps each part as a float32: literals, arithmetic and
// conversions round to float32, and fmt prints float32 precision.
func main() {
	var c complex64 = 1.1 + 2.2i
	fmt.Println(c, real(c), imag(c))
	fmt.Printf("%T %T\n", real(c), c)
	d := complex128(c)
	fmt.Println(d)
	e := complex64(0.1 + 0.7i)
	fmt.Println(e, e*e, e/3, e+e)
	var f32 float32 = 0.3
	g := complex(f32, f32*2)
	fmt.Printf("%T %v\n", g, g)
	h := complex128(g) * complex128(g)
	fmt.Println(h, complex64(h))
	big := complex(1e30, -1e30)
	fmt.Println(complex64(big), complex64(big)*complex64(big))
	c *= c
	c -= 1
	fmt.Println(c, c == complex64(1.1+2.2i))
	println(c, d)
}
