package main

import (
	"fmt"
	"math"
)

// fmt's verbs on complex numbers: each part formatted as the float verb
// would, in parentheses, the imaginary part with its sign.
func main() {
	c := 1.23456789 - 2.5i
	var c64 complex64 = 1.1 + 3i
	fmt.Printf("%v|%g|%G|%f|%.2f|%e|%E|%.3e\n", c, c, c, c, c, c, c, c)
	fmt.Printf("%+v|%+.1f|% .1f|%8.2f|%-8.2f|%08.2f|\n", c, c, c, c, c, c)
	fmt.Printf("%v|%g|%.1f|%e\n", c64, c64, c64, c64)
	fmt.Printf("%x|%X|%b|%d|%s\n", 1+2i, 1+2i, c, c, c)
	inf := complex(math.Inf(1), math.NaN())
	fmt.Printf("%v|%.2f|%+v|%8v\n", inf, inf, inf, inf)
	fmt.Println(c, c64, complex(float32(1)/3, 0), 1e21+1e-7i)
	fmt.Print(c, c64, "\n")
	s := fmt.Sprint(1i, 2i)
	fmt.Println(s, len(s))
	fmt.Printf("%#v %#v %T\n", c, c64, []complex64{1})
	fmt.Printf("%v %v\n", []complex128{1, 2i}, map[string]complex64{"a": 1i})
	fmt.Printf("%6.1f|%-12v|%12v|\n", 1+1i, 1-1i, -0.5i)
	fmt.Println(fmt.Sprintf("%.0f", 2.5+3.5i), fmt.Sprintf("%q", 1i))
}
