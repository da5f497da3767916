package main

import (
	"fmt"
	"strconv"
)

// strconv.FormatComplex and ParseComplex.
func main() {
	c := 1.5 - 2.25i
	fmt.Println(strconv.FormatComplex(c, 'f', 2, 128), strconv.FormatComplex(c, 'e', -1, 128))
	fmt.Println(strconv.FormatComplex(complex(1.0/3, 0), 'g', -1, 64), strconv.FormatComplex(complex(1.0/3, 0), 'g', -1, 128))
	fmt.Println(strconv.FormatComplex(complex(0, -0.1), 'G', 3, 128))
	for _, s := range []string{"(1+2i)", "1+2i", "3", "-4i", "i", "(1e3-2.5e-1i)", "+Inf-NaNi", "1+2", "1++2i", "(2i", "0x1p2+0x1p-2i", "1e400+1i", "NaN", "1_000+2i", ""} {
		v, err := strconv.ParseComplex(s, 128)
		fmt.Println(s, "=>", v, err)
	}
	v, err := strconv.ParseComplex("0.1+0.2i", 64)
	fmt.Println(v, err, complex64(v) == 0.1+0.2i)
	v, err = strconv.ParseComplex("1e39+1i", 64)
	fmt.Println(v, err)
	if ne, ok := err.(*strconv.NumError); ok {
		fmt.Println(ne.Func, ne.Num, ne.Err)
	}
	defer func() { fmt.Println("recovered:", recover()) }()
	fmt.Println(strconv.FormatComplex(1, 'g', -1, 32))
}
