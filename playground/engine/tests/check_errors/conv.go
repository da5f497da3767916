package main
func main() {
	var s string = string(1.5)
	var b []int = []int("x")
	_, _ = s, b
	var u uint = -1
	_ = u
	const c = 10
	var x int8 = c * 100
	_ = x
	x, y := 1, 2
	_, _ = x, y
	z := 1
	z := 2
}
