package main

import (
	"fmt"
	"sort"
)

type Graph map[string][]string

func (g Graph) BFS(start string) []string {
	seen := map[string]bool{start: true}
	queue := []string{start}
	var order []string
	for len(queue) > 0 {
		n := queue[0]
		queue = queue[1:]
		order = append(order, n)
		for _, m := range g[n] {
			if !seen[m] {
				seen[m] = true
				queue = append(queue, m)
			}
		}
	}
	return order
}

func (g Graph) DFS(n string, seen map[string]bool, out *[]string) {
	if seen[n] {
		return
	}
	seen[n] = true
	*out = append(*out, n)
	for _, m := range g[n] {
		g.DFS(m, seen, out)
	}
}

func main() {
	g := Graph{
		"a": {"b", "c"},
		"b": {"d"},
		"c": {"d", "e"},
		"d": {"f"},
		"e": {"f"},
		"f": nil,
		"x": {"a"},
	}
	fmt.Println(g.BFS("a"))
	var out []string
	g.DFS("a", map[string]bool{}, &out)
	fmt.Println(out)
	indeg := map[string]int{}
	for _, es := range g {
		for _, e := range es {
			indeg[e]++
		}
	}
	var roots []string
	for n := range g {
		if indeg[n] == 0 {
			roots = append(roots, n)
		}
	}
	sort.Strings(roots)
	fmt.Println(roots, indeg)
}
