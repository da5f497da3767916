// sort.Slice and sort.SliceStable on 60 records with only 5 distinct keys:
// Go's pdqsort leaves equal records in an order of its own, the stable
// sort keeps them in input order; both print every less call's count.
package main

import (
	"fmt"
	"sort"
)

type Item struct {
	Name  string
	Group int
}

func items() []Item {
	var xs []Item
	seed := uint32(7)
	for i := 0; i < 60; i++ {
		seed = seed*1103515245 + 12345
		xs = append(xs, Item{Name: fmt.Sprintf("n%02d", i), Group: int(seed>>16) % 5})
	}
	return xs
}

func show(xs []Item) {
	for i, x := range xs {
		fmt.Printf("%s/%d", x.Name, x.Group)
		if i%10 == 9 {
			fmt.Println()
		} else {
			fmt.Print(" ")
		}
	}
}

func main() {
	xs := items()
	calls := 0
	sort.Slice(xs, func(i, j int) bool {
		calls++
		return xs[i].Group < xs[j].Group
	})
	fmt.Println("sort.Slice, less calls:", calls)
	show(xs)

	ys := items()
	calls = 0
	sort.SliceStable(ys, func(i, j int) bool {
		calls++
		return ys[i].Group < ys[j].Group
	})
	fmt.Println("sort.SliceStable, less calls:", calls)
	show(ys)

	// A short slice goes through insertion sort; print each call.
	zs := []int{3, 1, 3, 2, 1}
	sort.Slice(zs, func(i, j int) bool {
		fmt.Printf("less(%d,%d) on %v\n", i, j, zs)
		return zs[i] < zs[j]
	})
	fmt.Println(zs)
}
