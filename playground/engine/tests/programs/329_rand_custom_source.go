// A Source of the program's own: Rand derives everything from its Int63
// (two calls for Uint64 when it is no Source64), and a panic in a method
// or in Shuffle's swap passes through math/rand's frames.
package main

import (
	"fmt"
	"math/rand"
)

type counter struct{ n int64 }

func (c *counter) Int63() int64    { c.n += 1 << 40; return c.n }
func (c *counter) Seed(seed int64) { c.n = seed }

func try(name string, f func()) {
	defer func() { fmt.Println(name, "recovered:", recover()) }()
	f()
}

func main() {
	r := rand.New(&counter{})
	fmt.Println(r.Int63(), r.Uint64(), r.Int31(), r.Intn(100), r.Float64())
	r.Seed(5)
	fmt.Println(r.Int63())

	try("Int63n", func() { r.Int63n(0) })
	try("Int31n", func() { r.Int31n(-3) })
	try("Shuffle", func() { r.Shuffle(-1, func(i, j int) {}) })
	try("Perm", func() { r.Perm(-1) })

	r2 := rand.New(rand.NewSource(8))
	r2.Shuffle(4, func(i, j int) {
		if i == 2 {
			panic(fmt.Sprintf("swap %d %d", i, j))
		}
	})
}
