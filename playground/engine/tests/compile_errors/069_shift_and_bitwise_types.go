package main

func main() {
	f := 1.5
	_ = f << 2
	_ = f & 1
	s := "a"
	_ = s % 2
	var b bool
	_ = b + b
}
