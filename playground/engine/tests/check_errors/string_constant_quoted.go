package main

func main() {
	var x int = "a\u00a0b\x01"
	_ = x
}
