// math/rand/v2 with a PCG source: Go's generator and Go's bounded values
// (multiply and shift), value for value.
package main

import (
	"fmt"
	"math/rand/v2"
)

func main() {
	r := rand.New(rand.NewPCG(1, 2))
	fmt.Println(r.Uint64(), r.Int64(), r.Uint32(), r.Int32(), r.Int(), r.Uint())
	fmt.Println(r.IntN(10), r.Int64N(1e15), r.Uint64N(3), r.Int32N(100), r.Uint32N(7), r.UintN(1000))
	fmt.Println(r.Uint64N(1<<63+1), r.IntN(1<<20))
	fmt.Println(r.Float64(), r.Float32(), r.Perm(8))
	s := []string{"a", "b", "c", "d", "e"}
	r.Shuffle(len(s), func(i, j int) { s[i], s[j] = s[j], s[i] })
	fmt.Println(s)

	p := rand.NewPCG(3, 4)
	p.Seed(5, 6)
	fmt.Println(p.Uint64(), p.Uint64())
	fmt.Printf("%T %T\n", r, p)

	// The top-level functions are seeded at random: print what holds.
	ok := true
	for i := 0; i < 500; i++ {
		if n := rand.IntN(6); n < 0 || n > 5 {
			ok = false
		}
		if f := rand.Float64(); f < 0 || f >= 1 {
			ok = false
		}
	}
	fmt.Println("in range:", ok, len(rand.Perm(4)))
}
