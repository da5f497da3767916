package main

import "fmt"

const (
	I    = 1i
	Unit = 1 + 0i
	Rot  = I * I      // -1, an untyped complex constant
	Re   = real(3 + 4i) // 3, an untyped float constant
	Im   = imag(Rot)
	Typed complex64 = complex(1, 2)
	Half = complex(float32(0.5), 0.25) // a typed complex64 constant
)

// Complex constants: exact untyped arithmetic, typed constants, the
// builtins on constants, and conversions of constants.
func main() {
	fmt.Println(I, Unit, Rot, Re, Im, Typed, Half)
	fmt.Printf("%T %T %T %T %T\n", I, Re, Im, Typed, Half)
	var f float64 = Rot   // representable: its imaginary part is 0
	var n int = Rot * Rot // 1
	fmt.Println(f, n)
	const big = 1e300 * I
	fmt.Println(big*big/1e300, real(big*big) < 0)
	x := 2.5
	fmt.Println(complex(x, 0)*I, I*I*I, -I, +I)
	var c complex128 = 7
	c = c / 2
	fmt.Println(c, c/(0+1i))
	fmt.Println(complex(1, 2) == 1+2i, 1+2i == complex(1, 2.0))
	arr := [...]complex64{I, Rot, 2}
	fmt.Println(arr, len(arr))
	// Exact, as Go's constants are: not 0.30000000000000004.
	fmt.Println(real((0.1+0i)+(0.2+0i)), imag(0.1i*3), 0x10i, 0b11i, 0o7i, 017i)
	const third = (1 + 1i) / 3
	fmt.Println(third, real(third)*3 == 1)
	fmt.Println(float32(real(Half)), int(real(Rot)), -0.5i, 0i-0)
	switch c := 2i; c {
	case 1i:
		fmt.Println("one i")
	case 2i:
		fmt.Println("two i")
	}
}
