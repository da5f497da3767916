package main

import "math"

// Conversions and typed arithmetic of big constants.
func main() {
	_ = uint64(1 << 64)
	_ = int64(math.MaxUint64)
	_ = uint(1e20)
	_ = int8(1) << 7
	const n = len("constants")
	_ = n << 60
	_ = float32(1e39)
	var f float64 = 1e309
	_ = f
	_ = complex64(1e39 + 1i)
}
