// Perm and Shuffle of a seeded Rand: Go's Fisher-Yates, value for value.
package main

import (
	"fmt"
	"math/rand"
	"strings"
)

func main() {
	r := rand.New(rand.NewSource(1))
	fmt.Println(r.Perm(10))
	fmt.Println(r.Perm(1), r.Perm(0))

	words := strings.Fields("the quick brown fox jumps over the lazy dog")
	r.Shuffle(len(words), func(i, j int) {
		words[i], words[j] = words[j], words[i]
	})
	fmt.Println(strings.Join(words, " "))

	calls := 0
	r.Shuffle(5, func(i, j int) { calls++ })
	fmt.Println("swaps:", calls)

	// Deal a deck to four players.
	deck := make([]int, 52)
	for i := range deck {
		deck[i] = i
	}
	rand.New(rand.NewSource(99)).Shuffle(len(deck), func(i, j int) { deck[i], deck[j] = deck[j], deck[i] })
	for p := 0; p < 4; p++ {
		fmt.Println(p, deck[p*13:p*13+13])
	}
}
