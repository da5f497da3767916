package main

func main() {
	x := 1
	x := 2
	_ = x
	y, z := 1, 2
	y, z := 3, 4
	_, _ = y, z
}
