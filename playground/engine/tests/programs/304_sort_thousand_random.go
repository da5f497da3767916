// 1000 pseudo-random records with many equal keys through each sort:
// a checksum of the resulting permutation and the number of comparisons
// (and swaps) tell whether the algorithm is Go's, call for call.
package main

import (
	"fmt"
	"slices"
	"sort"
)

type rec struct{ key, id int }

func input(n, keys int) []rec {
	x := uint64(2024)
	rs := make([]rec, n)
	for i := range rs {
		x ^= x << 13
		x ^= x >> 7
		x ^= x << 17
		rs[i] = rec{int(x % uint64(keys)), i}
	}
	return rs
}

func checksum(rs []rec) uint64 {
	var h uint64 = 14695981039346656037
	for _, r := range rs {
		h ^= uint64(r.id)
		h *= 1099511628211
	}
	return h
}

type byKey struct {
	rs          []rec
	less, swaps int
}

func (b *byKey) Len() int { return len(b.rs) }
func (b *byKey) Less(i, j int) bool {
	b.less++
	return b.rs[i].key < b.rs[j].key
}
func (b *byKey) Swap(i, j int) {
	b.swaps++
	b.rs[i], b.rs[j] = b.rs[j], b.rs[i]
}

func compare(a, b int) int {
	if a < b {
		return -1
	}
	if a > b {
		return 1
	}
	return 0
}

func main() {
	for _, keys := range []int{10, 300, 1000000} {
		fmt.Println("keys:", keys)
		rs := input(1000, keys)
		n := 0
		sort.Slice(rs, func(i, j int) bool { n++; return rs[i].key < rs[j].key })
		fmt.Printf("  sort.Slice        %20d %6d\n", checksum(rs), n)

		rs = input(1000, keys)
		n = 0
		sort.SliceStable(rs, func(i, j int) bool { n++; return rs[i].key < rs[j].key })
		fmt.Printf("  sort.SliceStable  %20d %6d\n", checksum(rs), n)

		b := &byKey{rs: input(1000, keys)}
		sort.Sort(b)
		fmt.Printf("  sort.Sort         %20d %6d %6d\n", checksum(b.rs), b.less, b.swaps)

		b = &byKey{rs: input(1000, keys)}
		sort.Stable(b)
		fmt.Printf("  sort.Stable       %20d %6d %6d\n", checksum(b.rs), b.less, b.swaps)

		rs = input(1000, keys)
		n = 0
		slices.SortFunc(rs, func(a, b rec) int { n++; return compare(a.key, b.key) })
		fmt.Printf("  slices.SortFunc   %20d %6d\n", checksum(rs), n)

		rs = input(1000, keys)
		n = 0
		slices.SortStableFunc(rs, func(a, b rec) int { n++; return compare(a.key, b.key) })
		fmt.Printf("  SortStableFunc    %20d %6d\n", checksum(rs), n)
	}
}
