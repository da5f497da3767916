package main

func pair() (int, int) { return 1, 2 }

func main() {
	a := pair()
	b, c, d := pair()
	_, _, _, _ = a, b, c, d
}
