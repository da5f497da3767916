package main

import "math"

// Constant shift counts: Go's bound is 1074; a count past uint overflows,
// a non-integral one is truncated.
func main() {
	_ = 1 << 1e3
	_ = 1 << math.MaxUint64
	_ = 1 << (1 << 70)
	_ = 2.0 << 600
	_ = 1.5 << 2
	_ = 1 >> 2000
	var i int = 1
	_ = i << 1e100
	const c = -(1 << 511) - (1 << 511)
	_ = c * -1
}
