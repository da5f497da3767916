package main

func main() {
	s := []int{1}
	m := map[string]int{}
	_ = s == s
	_ = m == m
	f := func() {}
	_ = f == f
	_ = !1
	_ = -"x"
}
