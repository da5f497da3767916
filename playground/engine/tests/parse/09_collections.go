package main

import "fmt"

func main() {
	arr := [3]int{1, 2, 3}
	auto := [...]string{"a", "b"}
	idx := [5]int{1: 10, 3: 30}
	grid := [2][2]int{{1, 2}, {3, 4}}
	s := arr[:]
	s2 := s[1:]
	s3 := s[:2]
	s4 := s[0:1:2]
	s5 := s[:1:3]
	s = append(s, 4, 5)
	s = append(s, s2...)
	copy(s3, s4)
	m := map[string]int{"one": 1, "two": 2}
	m["three"] = 3
	delete(m, "one")
	v, ok := m["two"]
	nested := map[string][]int{"x": {1, 2}, "y": nil}
	pts := []struct{ X, Y int }{{1, 2}, {X: 3}}
	ptrs := []*struct{ N int }{{1}, {N: 2}}
	mm := map[[2]int]map[string]bool{{1, 2}: {"t": true}}
	b := []byte("bytes")
	r := []rune("runes")
	fmt.Println(arr, auto, idx, grid, s, s2, s3, s4, s5, m, v, ok, nested, pts, ptrs[1].N, mm, b, r)
	fmt.Println(len(s), cap(s), s[len(s)-1], "str"[1], "str"[1:])
	for i, x := range arr {
		_, _ = i, x
	}
	for k := range m {
		_ = k
	}
	for _, c := range "héllo" {
		_ = c
	}
	var i, x int
	for i, x = range s {
	}
	fmt.Println(i, x)
	clear(m)
	fmt.Println(min(1, 2), max(3.0, 4, 5))
}
