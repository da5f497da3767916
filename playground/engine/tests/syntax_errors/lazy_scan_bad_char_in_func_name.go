package main

func\x4 main() {
	x := 1
	_ = x
}
