package main

func main() {
	x := 1
	_ = append(x, 2)
	var s []int
	copy(s, "abc")
	_ = make(int)
	_ = make([]int)
	delete(s, 1)
	_ = new(5)
	_ = cap(map[int]int{})
	_ = len()
	_ = min("a", 1)
	close(s)
	panic()
	_ = append(s, "x")
	var m map[string]int
	delete(m, 1)
}
