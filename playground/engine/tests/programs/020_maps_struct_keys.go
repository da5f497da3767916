package main

import "fmt"

type point struct{ x, y int }

func main() {
	visits := map[point]int{}
	path := []point{{0, 0}, {1, 0}, {1, 1}, {0, 0}, {1, 1}, {0, 0}}
	for _, p := range path {
		visits[p]++
	}
	fmt.Println(visits)
	arrKey := map[[2]int]string{{1, 2}: "a", {0, 5}: "b"}
	fmt.Println(arrKey)
	nested := map[string]map[string]int{}
	for _, w := range []string{"go:fmt", "go:os", "rust:std", "go:fmt"} {
		lang, pkg := w[:2], w[3:]
		if w[0] == 'r' {
			lang, pkg = w[:4], w[5:]
		}
		if nested[lang] == nil {
			nested[lang] = map[string]int{}
		}
		nested[lang][pkg]++
	}
	fmt.Println(nested)
	bools := map[bool]int{true: 1, false: 0}
	fmt.Println(bools)
	fl := map[float64]string{2.5: "x", -1: "y"}
	fmt.Println(fl)
}
