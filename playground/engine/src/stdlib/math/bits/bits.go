package bits

// Go's math/bits, in Go: full-width products and sums with carries (what
// math/rand/v2's generators are made of) and bit counts. Go compiles most
// of these to single instructions; these give the same values.

const UintSize = 64

func Add32(x, y, carry uint32) (sum, carryOut uint32) {
	sum64 := uint64(x) + uint64(y) + uint64(carry)
	return uint32(sum64), uint32(sum64 >> 32)
}

func Add64(x, y, carry uint64) (sum, carryOut uint64) {
	sum = x + y + carry
	// The carry out is the top bit of the majority of x, y and not sum.
	carryOut = ((x & y) | ((x | y) &^ sum)) >> 63
	return
}

func Sub64(x, y, borrow uint64) (diff, borrowOut uint64) {
	diff = x - y - borrow
	borrowOut = ((^x & y) | (^(x ^ y) & diff)) >> 63
	return
}

func Mul32(x, y uint32) (hi, lo uint32) {
	p := uint64(x) * uint64(y)
	return uint32(p >> 32), uint32(p)
}

// Mul64 multiplies in 32-bit halves: the high word collects the carries
// of the cross products.
func Mul64(x, y uint64) (hi, lo uint64) {
	const half = 1<<32 - 1
	xl, xh := x&half, x>>32
	yl, yh := y&half, y>>32
	ll := xl * yl
	mid := xh*yl + ll>>32
	mid2 := mid&half + xl*yh
	hi = xh*yh + mid>>32 + mid2>>32
	lo = x * y
	return
}

func OnesCount64(x uint64) int {
	n := 0
	for ; x != 0; x &= x - 1 {
		n++
	}
	return n
}

func Len64(x uint64) int {
	n := 0
	for ; x != 0; x >>= 1 {
		n++
	}
	return n
}

func LeadingZeros64(x uint64) int { return 64 - Len64(x) }

func TrailingZeros64(x uint64) int {
	if x == 0 {
		return 64
	}
	n := 0
	for x&1 == 0 {
		x >>= 1
		n++
	}
	return n
}

func RotateLeft64(x uint64, k int) uint64 {
	s := uint(k) & 63
	return x<<s | x>>(64-s)
}
