package main

import (
	"fmt"
	"math"
)

// Complex division never panics: by zero it gives infinities or NaN as
// Go's runtime complex128div does (Smith's algorithm, then C99's fixes).
func main() {
	zero := 0i
	one := 1 + 0i
	fmt.Println(one/zero, -one/zero, (1-1i)/zero, zero/zero)
	inf := math.Inf(1)
	nan := math.NaN()
	fmt.Println(complex(inf, 0)/(1+1i), (1+1i)/complex(inf, 0), (2+3i)/complex(0, inf))
	fmt.Println(complex(inf, inf)/(2+0i), complex(nan, 1)/(1+1i), (1+1i)/complex(nan, 0))
	fmt.Println(complex(inf, 0)*complex(0, 1), complex(inf, 1)*complex(inf, 1))
	n := complex(nan, nan)
	fmt.Println(n == n, n != n, zero == -zero)
	// Large and small parts: Smith's algorithm avoids overflow.
	big := complex(1e300, 1e300)
	fmt.Println(big/big, big/complex(1e-300, 1e-300), (1+1i)/big)
	var c64 complex64 = 1 + 1i
	var z64 complex64
	fmt.Println(c64/z64, z64/z64, c64/complex64(big))
	for _, d := range []complex128{1i, -1i, 2, 1 + 1i, 1e-310i} {
		fmt.Print((3+4i)/d, " ")
	}
	fmt.Println()
}
