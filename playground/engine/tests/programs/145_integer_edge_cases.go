package main

import (
	"fmt"
	"math"
)

func main() {
	var minI64 int64 = math.MinInt64
	var neg int64 = -1
	fmt.Println(minI64/neg, minI64%neg, -minI64)
	var minI32 int32 = math.MinInt32
	fmt.Println(minI32/int32(neg), -minI32)
	a := 7
	fmt.Println(a/2*2, a>>1<<1, a&1, -a&1, -7/2, -7>>1)
	var b uint8 = 0b1111_0000
	fmt.Println(b>>4, b<<1, ^b, b&^0b1010_0000)
	x := 1
	x <<= 3
	x |= 1
	x ^= 0xF
	x &^= 2
	x %= 5
	fmt.Println(x)
	fmt.Println(math.MaxInt8+1, int8(math.MaxInt8), uint16(math.MaxUint16))
	var f float64 = 1 << 53
	fmt.Println(int64(f+1) == int64(f), 9007199254740993)
	h := uint32(2166136261)
	for _, c := range []byte("hash me") {
		h ^= uint32(c)
		h *= 16777619
	}
	fmt.Println(h, int32(h))
}
