// math/bits: full-width products and sums with carries, and bit counts.
package main

import (
	"fmt"
	"math/bits"
)

func main() {
	hi, lo := bits.Mul64(1<<63+5, 1<<62+7)
	fmt.Println(hi, lo)
	hi, lo = bits.Mul64(^uint64(0), ^uint64(0))
	fmt.Println(hi, lo)
	h32, l32 := bits.Mul32(4000000000, 3000000000)
	fmt.Println(h32, l32)

	sum, carry := bits.Add64(1<<63, 1<<63, 1)
	fmt.Println(sum, carry)
	s32, c32 := bits.Add32(1<<31, 1<<31, 0)
	fmt.Println(s32, c32)
	diff, borrow := bits.Sub64(0, 1, 0)
	fmt.Println(diff, borrow)
	diff, borrow = bits.Sub64(5, 3, 1)
	fmt.Println(diff, borrow)

	for _, x := range []uint64{0, 1, 8, 255, 1 << 40, ^uint64(0)} {
		fmt.Println(x, bits.OnesCount64(x), bits.Len64(x), bits.LeadingZeros64(x), bits.TrailingZeros64(x))
	}
	fmt.Println(bits.RotateLeft64(1, -1), bits.RotateLeft64(3, 0), bits.RotateLeft64(1<<63, 1), bits.RotateLeft64(6, 65))
	fmt.Println(bits.UintSize)
}
