// Untyped constants have Go's precision: integers up to 512 bits and
// floats kept exact (or with a 512-bit mantissa), however large the
// intermediate results, as long as the final value fits its type.
package main

import (
	"fmt"
	"math"
	"strconv"
)

const (
	big   = 1 << 200
	huge  = 1e300 * 1e300 / 1e300
	top   = 1<<511 - 1 + 1<<511 // the largest untyped int: 512 bits
	third = 1.0 / 3
	tenth = 0.1
	// Integer division truncates, also for huge operands.
	q   = (1<<300 + 7) / (1 << 298)
	r   = -(1<<300 + 7) % (1 << 298)
	msg = "hello, constants"
)

type Mask uint64

func main() {
	fmt.Println(big>>190, big/(big>>10), big%1000003)
	fmt.Println(huge, huge == 1e300, 1e400/1e399, 1e-400*1e400)
	fmt.Println(top>>500, top/(1<<509), -top>>511, (top-1)/2 == 1<<510-1)
	fmt.Println(third*3 == 1, tenth+0.2 == 0.3, third+third+third, float32(third))
	fmt.Println(q, r)

	var u uint64 = math.MaxUint64 + 1 - 1
	fmt.Println(u, uint64(math.MaxUint64), u == math.MaxUint64, math.MaxUint64/3)
	fmt.Printf("%v %x %X %o %b\n", u, u, uint64(big>>140), Mask(big>>137), uint8(big>>196))
	fmt.Printf("%v %x %d\n", int64(math.MinInt64), uint32(1<<100>>70), Mask(math.MaxUint64)&^0xff)
	var i8 int8 = -1 << 7
	fmt.Println(i8, int16(1<<300>>286), uint64(1e19), int64(-9.223372036854775808e18))

	fmt.Println(math.SmallestNonzeroFloat64, math.SmallestNonzeroFloat64/2*2, math.MaxFloat64, math.MaxFloat64*2/2)
	fmt.Println(float32(math.SmallestNonzeroFloat32), float32(math.MaxFloat32), (1<<511)*math.SmallestNonzeroFloat64)
	fmt.Println(1/(1<<100)*(1<<100), 1.0/(1<<100)*(1<<100), 0x1p-1074, 0x1p1023*1.5)
	fmt.Println(strconv.FormatFloat(1e23, 'g', -1, 64), 1e23, float32(1e23), 100000000000000000000000.0)

	const n = len(msg)
	var arr [n]byte
	copy(arr[:], msg)
	fmt.Println(n, len(arr), string(arr[7:]), len("日本"), len(msg+msg)<<50)

	const c = (1 + 2i) * (1 - 2i) / 5
	fmt.Println(c, real(c), imag(c), complex64(1i*1i), real(1e300i*1e300i/1e300))
	const d = 1<<100 + 0i
	fmt.Println(d/(1<<99), complex(1<<60, -1) == complex(float64(1<<60), -1))

	// Past 4096-bit fractions a constant is a 512-bit float, and stays
	// one: each later operation rounds, as go/constant's big.Float does.
	const tiny, vast = 1e-2000, 1e2000
	fmt.Println(tiny*vast == 1, (tiny*vast-1)*1e150, 1+tiny == 1, vast/3*3 == vast, (vast+1)-vast, 1/vast*vast == 1)
	fmt.Println((third*vast)*3/vast == 1, real(complex(tiny, 1)*complex(vast, 0)), real(complex(vast, 1)/complex(vast, 0)))

	// A shift of an untyped float that is an integer, and constant
	// comparisons of huge values.
	fmt.Println(4.0<<60, 1<<500 > 1<<499, -(1<<511) < 1<<511, 1e400 > 1<<511)
}
