package main

func f() {}
func f() {}

func main() {
	a := 1
	a := 2
	var b int
	var b string
	_, _ = a, b
}
