package main

import "fmt"

// The slices escape to the heap (through sink), so their growth follows
// runtime.growslice alone, not the small stack buffer Go gives
// non-escaping appends.
var sink []int
var bsink []byte

func main() {
	var s []int
	sink = s
	prev := -1
	for i := 0; i < 2000; i++ {
		s = append(s, i)
		sink = s
		if cap(s) != prev {
			fmt.Println(len(s), cap(s))
			prev = cap(s)
		}
	}
	b := []byte{}
	prev = -1
	for i := 0; i < 300; i++ {
		b = append(b, 'x')
		bsink = b
		if cap(b) != prev {
			fmt.Print(cap(b), " ")
			prev = cap(b)
		}
	}
	fmt.Println()
	t := append([]int{1, 2, 3}, 4, 5, 6, 7)
	sink = t
	fmt.Println(len(t), cap(t))
	u := append([]int(nil), make([]int, 11)...)
	sink = u
	fmt.Println(len(u), cap(u))
}
