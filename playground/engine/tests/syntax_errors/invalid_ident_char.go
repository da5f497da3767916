package main

func main() {
	x€y := 1
	_ = x€y
}
