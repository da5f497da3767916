package main

import (
	"fmt"
	"math/cmplx"
	"strings"
)

// The Mandelbrot set in ASCII: z = z*z + c until |z| > 2.
func escape(c complex128, limit int) int {
	z := 0i
	for n := 0; n < limit; n++ {
		if cmplx.Abs(z) > 2 {
			return n
		}
		z = z*z + c
	}
	return limit
}

func main() {
	const w, h = 60, 20
	shades := " .:-=+*#%@"
	var b strings.Builder
	total := 0
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			c := complex(-2.2+3.0*float64(x)/w, -1.2+2.4*float64(y)/h)
			n := escape(c, 50)
			total += n
			b.WriteByte(shades[n*(len(shades)-1)/50])
		}
		b.WriteByte('\n')
	}
	fmt.Print(b.String())
	fmt.Println("iterations:", total)
	// The period-2 bulb: c = -1 cycles 0, -1, 0, -1...
	z := 0i
	for i := 0; i < 4; i++ {
		z = z*z - 1
		fmt.Print(z, " ")
	}
	fmt.Println()
}
