package main

var seq func(func(int) bool)

func main() {
	for x, y := range 10 {
	}
	ch := make(chan int)
	for a, b := range ch {
	}
	for k, v := range seq {
	}
	var none func(func() bool)
	for i := range none {
	}
	for p := range seq {
	}
}
