package main

import "fmt"

func main() {
	m := map[string]int{"b": 2, "a": 1, "c": 3}
	fmt.Println(m, len(m))
	m["d"] = 4
	m["a"] += 10
	delete(m, "c")
	delete(m, "missing")
	fmt.Println(m)
	v, ok := m["zz"]
	fmt.Println(v, ok)
	v, ok = m["a"]
	fmt.Println(v, ok)
	var nilMap map[string]bool
	fmt.Println(nilMap == nil, len(nilMap), nilMap["x"], nilMap)
	delete(nilMap, "x")
	counts := make(map[rune]int)
	for _, r := range "mississippi" {
		counts[r]++
	}
	fmt.Println(counts)
	fmt.Printf("%v %d\n", map[int]string{3: "c", 1: "a", 2: "b"}, map[string]int{"z": 26, "y": 25})
}
