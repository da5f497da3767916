// Map-heavy work: count words of a generated text.
package main

import (
	"fmt"
	"strings"
)

func main() {
	words := []string{"go", "chan", "select", "defer", "panic", "mutex", "wait", "group", "sleep", "timer"}
	var b strings.Builder
	x := uint32(7)
	for i := 0; i < 200_000; i++ {
		x ^= x << 13
		x ^= x >> 17
		x ^= x << 5
		b.WriteString(words[x%uint32(len(words))])
		b.WriteByte(' ')
	}
	counts := map[string]int{}
	for _, w := range strings.Fields(b.String()) {
		counts[w]++
	}
	total := 0
	for _, c := range counts {
		total += c
	}
	fmt.Println(len(counts), total, counts["go"])
}
