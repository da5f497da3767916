package main

import (
	"fmt"
	"sort"
	"strings"
)

const text = `the quick brown fox jumps over the lazy dog
The dog barks; the fox runs. A quick end!`

func main() {
	clean := strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r == ' ' || r == '\n' {
			return r
		}
		return -1
	}, text)
	counts := map[string]int{}
	for _, w := range strings.Fields(strings.ToLower(clean)) {
		counts[w]++
	}
	type wc struct {
		w string
		c int
	}
	var list []wc
	for w, c := range counts {
		list = append(list, wc{w, c})
	}
	sort.Slice(list, func(i, j int) bool {
		if list[i].c != list[j].c {
			return list[i].c > list[j].c
		}
		return list[i].w < list[j].w
	})
	for _, e := range list[:5] {
		fmt.Printf("%-6s %d\n", e.w, e.c)
	}
	fmt.Println(len(counts), "distinct words")
	fmt.Println(counts)
}
