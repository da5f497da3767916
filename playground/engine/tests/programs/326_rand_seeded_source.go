// Go's math/rand generator: rand.New(rand.NewSource(seed)) gives the same
// numbers on every run and every machine, call for call.
package main

import (
	"fmt"
	"math/rand"
)

func main() {
	r := rand.New(rand.NewSource(42))
	fmt.Println(r.Int63(), r.Uint32(), r.Uint64())
	fmt.Println(r.Int31(), r.Int(), r.Int63n(1000), r.Int31n(1000))
	fmt.Println(r.Intn(10), r.Intn(1<<40), r.Int63n(1<<20), r.Int31n(1<<10))
	fmt.Println(r.Float64(), r.Float32())

	// Seeds equal modulo 2^31-1 give the same numbers; 0 is a seed too.
	for _, seed := range []int64{0, 1, -1, 2147483648, 1<<62 + 7} {
		s := rand.NewSource(seed)
		fmt.Println(seed, s.Int63(), s.Int63())
	}

	// A Rand can be seeded again, and its Source seen as a Source64.
	r.Seed(7)
	a := r.Intn(1000000)
	r.Seed(7)
	fmt.Println(a == r.Intn(1000000), a)
	s64, ok := rand.NewSource(3).(rand.Source64)
	fmt.Println(ok, s64.Uint64())

	b := make([]byte, 10)
	n, err := rand.New(rand.NewSource(5)).Read(b)
	fmt.Println(n, err, b)

	dice := rand.New(rand.NewSource(2024))
	counts := make([]int, 6)
	for i := 0; i < 600; i++ {
		counts[dice.Intn(6)]++
	}
	fmt.Println(counts)
}
