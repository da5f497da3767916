package main

import (
	"fmt"
	"sort"
)

func main() {
	m := map[string]int{"apple": 5, "banana": 3, "cherry": 7, "date": 1}
	total := 0
	keys := []string{}
	for k, v := range m {
		total += v
		keys = append(keys, k)
	}
	sort.Strings(keys)
	fmt.Println(total, keys)
	for k := range m {
		if len(k) > 5 {
			delete(m, k)
		}
	}
	fmt.Println(m)
	n := 0
	for range m {
		n++
	}
	fmt.Println(n)
}
