package main

func main() {
	ch := make(chan int)
	for a, b := range ch {
		_, _ = a, b
	}
	for i, v, w := range []int{} {
	}
}
