package main

func takesInt(n int) {}

func main() {
	var s string = 5
	takesInt("five")
	var f float64 = "x"
	_, _ = s, f
}
