package main

func main() {
	a := 0x
	b := 1__0
	c := 'ab'
	_, _, _ = a, b, c
}
