package main

// Indices and make sizes: an untyped constant converts to int first, as
// go/types' isValidIndex does; the failure says why.
func main() {
	s := []int{1}
	_ = make([]int, 1<<100)
	_ = make([]int, 1, 1<<200)
	var a [1 << 100]int
	_ = a
	_ = "abc"[1<<100]
	_ = s[1<<100:]
	_ = s[-1<<100]
	_ = s["a"]
	_ = make([]int, "a")
	_ = s[true]
}
