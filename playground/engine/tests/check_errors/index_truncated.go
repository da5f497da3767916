package main

// Non-integral and negative constant sizes, lengths and indices.
func main() {
	s := []int{1}
	_ = make([]int, 1.5)
	_ = make([]int, -1)
	var a [1.5]int
	_ = a
	var c [-1]int
	_ = c
	_ = "abc"[1.5]
	_ = s[2.5:]
	_ = s[1e30]
	var d [1e30]int
	_ = d
}
