package main
func main() {
	x := 0
	x += 1
	y := 0
	y++
	var p struct{ a int }
	p.a = 1
	var arr [3]int
	arr[0] = 1
	z, w := 1, 2
	_ = z
}
