package main
func g() {}
func main() {
	x := g()
	y := nil
	var a [3]int
	a[1:2:1] = nil
	len("a")
	1 + 2
	var i int
	i.x()
	_ = i[0]
	_ = x
	_ = y
	for i := range 10 { _ = i }
	var ch <-chan int
	ch <- 1
	type S struct{ A int }
	_ = S{B: 1}
	_ = S{1, 2}
	_ = []int{1: 1, 1: 2}
	_ = &S{"x"}
}
