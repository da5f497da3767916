package main

type ID int

func main() {
	var a int = 1
	var b ID = 2
	a = b
	var s string
	s = a
	var fs []float64 = []int{1}
	_, _, _ = a, s, fs
}
