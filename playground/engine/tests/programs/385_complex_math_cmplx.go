package main

import (
	"fmt"
	"math"
	"math/cmplx"
)

// math/cmplx: Go's own source, compiled like the program.
func main() {
	fmt.Println(cmplx.Abs(3+4i), cmplx.Sqrt(-4), cmplx.Sqrt(2i), cmplx.Conj(1+2i))
	fmt.Println(cmplx.Phase(-1), cmplx.Phase(1i), cmplx.Phase(-1-0i))
	r, th := cmplx.Polar(1i)
	fmt.Println(r, th, th == math.Pi/2)
	fmt.Printf("%.6f %.6f\n", cmplx.Rect(2, math.Pi/3), cmplx.Rect(1, math.Pi))
	// Euler: e^(i*pi) + 1 is zero up to rounding.
	e := cmplx.Exp(complex(0, math.Pi)) + 1
	fmt.Println(cmplx.Abs(e) < 1e-15, real(e))
	fmt.Printf("%.8f %.8f %.8f\n", cmplx.Exp(1+1i), cmplx.Log(-1), cmplx.Log(1i))
	fmt.Printf("%.8f %.8f %.8f\n", cmplx.Pow(1i, 2), cmplx.Pow(2, 0.5i), cmplx.Pow(0, 0))
	fmt.Println(cmplx.Pow(0, 1), cmplx.Pow(0, -1), cmplx.Pow(0, 1i))
	fmt.Println(cmplx.Inf(), cmplx.IsInf(cmplx.Inf()), cmplx.IsNaN(cmplx.NaN()), cmplx.IsNaN(1))
	fmt.Println(cmplx.IsInf(complex(math.Inf(-1), math.NaN())), cmplx.Sqrt(cmplx.Inf()))
	fmt.Printf("%.8f %.8f %.8f\n", cmplx.Sin(1+1i), cmplx.Cos(1i), cmplx.Tan(0.5+0.5i))
	fmt.Printf("%.8f %.8f %.8f\n", cmplx.Asin(2), cmplx.Acos(0.5i), cmplx.Atan(1+2i))
	fmt.Printf("%.8f %.8f %.8f\n", cmplx.Sinh(1i), cmplx.Cosh(1+1i), cmplx.Tanh(2))
	fmt.Printf("%.8f %.8f\n", cmplx.Log10(100i), cmplx.Cot(1+1i))
	// The roots of unity of order 6, each to the sixth power.
	for k := 0; k < 6; k++ {
		w := cmplx.Rect(1, 2*math.Pi*float64(k)/6)
		fmt.Printf("%.3f ", cmplx.Pow(w, 6))
	}
	fmt.Println()
	// Roots of x^2 + 2x + 5 with the quadratic formula.
	a, b, c := 1+0i, 2+0i, 5+0i
	d := cmplx.Sqrt(b*b - 4*a*c)
	fmt.Println((-b+d)/(2*a), (-b-d)/(2*a))
}
