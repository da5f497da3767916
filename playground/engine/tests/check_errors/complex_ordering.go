package main

import (
	"cmp"
	"slices"
)

func main() {
	c := 1 + 2i
	c %= 2
	c <<= 1
	_ = min(c, c)
	_ = max(1i, 2i)
	_ = cmp.Compare(c, c)
	slices.Sort([]complex128{1, 2})
	switch {
	case c > 0:
	}
	var f32 float32 = 1
	_ = complex(f32, 1.5) * (1 + 1i)
	_ = complex(f32, 2) + complex(1.0, 2.0)
}
