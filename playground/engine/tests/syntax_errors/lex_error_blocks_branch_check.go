package main

func main() {
L:
	x := 0b2
	_ = x
}
