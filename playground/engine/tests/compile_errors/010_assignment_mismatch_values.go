package main

func main() {
	var a, b int = 1
	x, y := 1, 2, 3
	_, _, _, _ = a, b, x, y
}
