// The top-level functions draw from a source seeded at random, and since
// Go 1.24 rand.Seed changes nothing: print only what holds on every run.
package main

import (
	"fmt"
	"math/rand"
	"sort"
)

func main() {
	rand.Seed(1)
	ok := true
	for i := 0; i < 1000; i++ {
		if n := rand.Intn(7); n < 0 || n >= 7 {
			ok = false
		}
		if f := rand.Float64(); f < 0 || f >= 1 {
			ok = false
		}
		if f := rand.Float32(); f < 0 || f >= 1 {
			ok = false
		}
		if rand.Int63n(5) >= 5 || rand.Int31n(3) >= 3 || rand.Int() < 0 || rand.Int63() < 0 || rand.Int31() < 0 {
			ok = false
		}
	}
	fmt.Println("in range:", ok)

	p := rand.Perm(8)
	sort.Ints(p)
	fmt.Println(p)

	xs := []string{"a", "b", "c", "d"}
	rand.Shuffle(len(xs), func(i, j int) { xs[i], xs[j] = xs[j], xs[i] })
	sort.Strings(xs)
	fmt.Println(xs, rand.Uint32() <= 1<<32-1, rand.Uint64() >= 0)
}
