package main
type I interface{ M() }
type T struct{}
func (t *T) M() {}
type U struct{}
func (u U) M(x int) {}
func main() {
	var i I = T{}
	var j I = U{}
	_, _ = i, j
	var e error = "x"
	_ = e
	s := "abc"
	s[0] = 'x'
	var f float64 = "s"
	_ = f
	k := 3
	k.Foo()
}
