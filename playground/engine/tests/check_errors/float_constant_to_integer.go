package main

func main() {
	var u uint8 = 256.0
	var i int8 = -1e3
	_, _ = u, i
}
