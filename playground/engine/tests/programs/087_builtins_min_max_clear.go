package main

import "fmt"

func main() {
	fmt.Println(min(3, 1, 2), max(3, 1, 2), min(2.5, 1), max("b", "a", "c"))
	x, y := 10, 20
	fmt.Println(min(x, y), max(x, y, 15))
	var f float64 = 1.5
	fmt.Println(max(f, 2), min(f))
	s := []int{1, 2, 3}
	clear(s)
	fmt.Println(s, len(s))
	m := map[string]int{"a": 1, "b": 2}
	clear(m)
	fmt.Println(m, len(m))
	m["c"] = 3
	fmt.Println(m)
	const c = min(5, 3.5)
	fmt.Println(c)
	fmt.Printf("%T %T\n", min(1, 2), max(1.0, 2))
}
