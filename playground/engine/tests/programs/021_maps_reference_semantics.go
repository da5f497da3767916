package main

import "fmt"

func add(m map[string]int, k string) {
	m[k] = len(m)
}

func main() {
	m := map[string]int{}
	add(m, "one")
	add(m, "two")
	alias := m
	alias["three"] = 3
	fmt.Println(m)
	slices := map[string][]int{}
	slices["a"] = append(slices["a"], 1)
	slices["a"] = append(slices["a"], 2)
	fmt.Println(slices, len(slices["nope"]))
	type rec struct{ n int }
	ptrs := map[string]*rec{"r": {1}}
	ptrs["r"].n = 42
	fmt.Println(ptrs["r"].n)
	clear(m)
	fmt.Println(m, len(m))
}
