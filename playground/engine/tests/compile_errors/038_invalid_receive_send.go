package main

func main() {
	var recv <-chan int
	var send chan<- int
	recv <- 1
	_ = <-send
	x := 3
	x <- 1
}
