package main

func main() {
	var a int8 = 200
	var b uint = -1
	c := uint8(256)
	_, _, _ = a, b, c
}
