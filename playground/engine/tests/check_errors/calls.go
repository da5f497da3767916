package main
func f(a, b int) int { return a }
func main() {
	f()
	var x int
	x()
	_ = int8(300)
	_ = string(65.0)
	var g func(...int)
	g(1, "a")
	var s []int
	g(s)
	f(s...)
	_ = x.(int)
	var i any = 1
	_ = i.(undefinedT)
	_ = 1 + "a"
	_ = x + "a"
}
