// slices.Sort and sort.Float64s on floats with NaNs, -0 and +0: NaNs go
// first, and -0 == +0 keep the order pdqsort leaves them in.
package main

import (
	"fmt"
	"math"
	"slices"
	"sort"
)

func show(xs []float64) {
	for _, x := range xs {
		if x == 0 && math.Signbit(x) {
			fmt.Print("-0 ")
		} else {
			fmt.Print(x, " ")
		}
	}
	fmt.Println()
}

func input() []float64 {
	nz := math.Copysign(0, -1)
	nan := math.NaN()
	xs := []float64{}
	for i := 0; i < 40; i++ {
		switch i % 5 {
		case 0:
			xs = append(xs, nz)
		case 1:
			xs = append(xs, 0)
		case 2:
			xs = append(xs, float64(i%7)-3)
		case 3:
			if i%2 == 1 {
				xs = append(xs, nan)
			} else {
				xs = append(xs, math.Inf(-1))
			}
		default:
			xs = append(xs, 0.5)
		}
	}
	return xs
}

func main() {
	xs := input()
	slices.Sort(xs)
	show(xs)
	ys := input()
	sort.Float64s(ys)
	show(ys)
	fmt.Println(slices.IsSorted(xs), slices.IsSorted(ys))

	small := []float64{0, math.Copysign(0, -1), 1, math.Copysign(0, -1), 0, math.NaN(), -1}
	slices.Sort(small)
	show(small)

	is := []int{5, -2, 9, 0, -2, 7}
	sort.Ints(is)
	ss := []string{"pear", "Apple", "fig", "apple"}
	sort.Strings(ss)
	fmt.Println(is, ss)
}
