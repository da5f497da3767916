// rand.IntN(0) from math/rand/v2 panics inside the package: Go's frames,
// (*Rand).IntN then IntN, above main.
package main

import (
	"fmt"
	"math/rand/v2"
)

func main() {
	r := rand.New(rand.NewPCG(7, 7))
	fmt.Println(r.IntN(3))
	fmt.Println(rand.IntN(0))
}
