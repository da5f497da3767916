package main

var seq func(func(int) bool)

func main() {
	var s string
	n := 3
	for s = range n {
	}
	for s = range 10 {
	}
	for s = range []int{1} {
	}
	for s = range seq {
	}
	var m map[string]int
	for _, s = range m {
	}
	_ = s
}
