package main
func two() (int, string) { return 1, "a" }
func f() int {
	return two()
}
func g() (int, string, bool) {
	return two()
}
func h() {
	var s string
	for i, c := range s {
		_ = i
	}
	var i interface{ M() }
	i.N()
	var e error
	e.Error = nil
	var ptr *struct{ x int }
	ptr.y = 1
	if x := 1; false {
	}
}
func main() {}
