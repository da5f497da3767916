package main

import (
	"fmt"
	"strings"
)

func neighbors(w string, dict map[string]bool) []string {
	var out []string
	for i := 0; i < len(w); i++ {
		for c := byte('a'); c <= 'z'; c++ {
			if c == w[i] {
				continue
			}
			n := w[:i] + string(c) + w[i+1:]
			if dict[n] {
				out = append(out, n)
			}
		}
	}
	return out
}

func ladder(from, to string, words []string) []string {
	dict := map[string]bool{}
	for _, w := range words {
		dict[w] = true
	}
	prev := map[string]string{from: ""}
	queue := []string{from}
	for len(queue) > 0 {
		w := queue[0]
		queue = queue[1:]
		if w == to {
			var path []string
			for ; w != ""; w = prev[w] {
				path = append([]string{w}, path...)
			}
			return path
		}
		for _, n := range neighbors(w, dict) {
			if _, seen := prev[n]; !seen {
				prev[n] = w
				queue = append(queue, n)
			}
		}
	}
	return nil
}

func main() {
	words := strings.Fields("hot dot dog lot log cog hit cot")
	fmt.Println(ladder("hit", "cog", words))
	fmt.Println(ladder("hit", "xyz", words) == nil)
}
