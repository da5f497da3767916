package main
func a() int {
	for {
		break
	}
}
func b(x int) int {
	switch x {
	case 1:
		return 1
	default:
		panic("x")
	}
}
func c(x int) int {
	if x > 0 {
		return 1
	} else if x < 0 {
		return 2
	}
}
func d() (int, error) {
	return 1, 2, 3
}
func main() {
	a(); b(1); c(1); d()
	var f float64 = 1 / 2
	_ = f
	var u uint8 = 255 + 1
	_ = u
}
