package main

func main() {
	s := []int{1}
	for i, v = range s {
	}
	for range {
	}
}
