package main
type P struct{ X, Y int }
func main() {
	_ = P{1}
	_ = P{X: 1, 2}
	_ = P{X: 1, X: 2}
	_ = []int{1, "a"}
	_ = map[string]int{"a": 1, "a": 2}
	_ = [2]int{1, 2, 3}
	_ = map[string]int{1: 1}
	_ = P{Z: 1}
	var x int = "a" + 1
	_ = x
	_ = &1
}
