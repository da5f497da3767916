package main

func main() {
	ch := make(chan int, 1)
	x := ch <- 1
	_ = x
}
