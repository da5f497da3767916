package main

import (
	"fmt"
	"math"
	"sort"
)

type byLen []string

func (b byLen) Len() int           { return len(b) }
func (b byLen) Less(i, j int) bool { return len(b[i]) < len(b[j]) }
func (b byLen) Swap(i, j int)      { b[i], b[j] = b[j], b[i] }

func main() {
	xs := []int{5, 2, 8, 1, 9, 3}
	sort.Sort(sort.Reverse(sort.IntSlice(xs)))
	fmt.Println(xs)
	ss := sort.StringSlice{"pear", "fig", "apple"}
	ss.Sort()
	fmt.Println(ss, ss.Len(), ss.Less(0, 1))
	fs := sort.Float64Slice{2.5, math.NaN(), -1, 0}
	sort.Sort(fs)
	fmt.Println(fs)
	words := byLen{"goroutine", "go", "chan", "select", "mutex", "wg"}
	sort.Stable(sort.Reverse(words))
	fmt.Println(words)
	r := sort.Reverse(sort.IntSlice{1, 2})
	fmt.Printf("%T %v %d\n", r, r, r.Len())
	ints := sort.IntSlice{3, 1, 2}
	ints.Swap(0, 2)
	fmt.Println(ints, sort.IsSorted(ints))
	defer func() { fmt.Println("recovered:", recover()) }()
	ints.Less(0, 5)
}
