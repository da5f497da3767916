package main

import "fmt"

// Complex numbers: literals, the complex/real/imag builtins, arithmetic,
// comparison, assignment operators and negation.
func main() {
	a := 1 + 2i
	b := complex(3, -4)
	fmt.Println(a, b)
	fmt.Println(a+b, a-b, a*b, a/b)
	fmt.Println(real(a), imag(b), -a)
	var re, im float64 = 0.5, 1.5
	c := complex(re, im)
	fmt.Println(c, real(c)+imag(c))
	c += a
	c *= 2
	c -= 1i
	c /= 1 + 1i
	fmt.Println(c)
	c++
	c--
	c++
	fmt.Println(c, c == a, c != a, a == 1+2i)
	const k = 3i
	fmt.Println(k*k, real(k*k), k*a)
	var z complex128
	fmt.Println(z, z == 0)
	fmt.Printf("%T %T %T\n", a, k, complex(float32(1), 2))
	x := 2.5
	fmt.Println(complex(x, 0)*a, a*complex(0, x))
	// 3 + 4i has |.| 5: conjugate products are real.
	d := 3 + 4i
	fmt.Println(d*complex(real(d), -imag(d)))
	for i := 0; i < 4; i++ {
		a *= 1i
		fmt.Print(a, " ")
	}
	fmt.Println()
}
