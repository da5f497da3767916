// rand.Intn(0) panics inside math/rand: the traceback shows Go's own
// frames, (*Rand).Intn then Intn, above main.
package main

import (
	"fmt"
	"math/rand"
)

func pick(n int) int {
	return rand.Intn(n)
}

func main() {
	fmt.Println(pick(1))
	fmt.Println(pick(0))
}
