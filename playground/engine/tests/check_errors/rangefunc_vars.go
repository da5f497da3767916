package main

import "iter"

var (
	one  func(func(int) bool)
	none func(func() bool)
	two  iter.Seq2[string, int]
)

func main() {
	for x, y := range one {
		_, _ = x, y
	}
	for x := range none {
		_ = x
	}
	var s iter.Seq[string]
	for v := range s {
		var n int = v
		_ = n
	}
	for k, v := range two {
		k = v
	}
	for i := range two {
		unused := i
	}
}
