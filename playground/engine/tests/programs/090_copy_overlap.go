package main

import "fmt"

func main() {
	s := []int{1, 2, 3, 4, 5, 6}
	copy(s[2:], s)
	fmt.Println(s)
	t := []int{1, 2, 3, 4, 5, 6}
	copy(t, t[2:])
	fmt.Println(t)
	insert := func(xs []int, i, v int) []int {
		xs = append(xs, 0)
		copy(xs[i+1:], xs[i:])
		xs[i] = v
		return xs
	}
	u := []int{10, 20, 30}
	u = insert(u, 1, 15)
	fmt.Println(u)
	var dst [3]string
	n := copy(dst[:], []string{"a", "b", "c", "d"})
	fmt.Println(n, dst)
}
