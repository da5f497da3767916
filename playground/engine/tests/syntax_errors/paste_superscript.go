package main

func main() {
	x² := 1
	_ = x²
}
