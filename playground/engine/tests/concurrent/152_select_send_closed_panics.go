package main

import "fmt"

func main() {
	ch := make(chan int, 1)
	close(ch)
	fmt.Println("select with a send case on a closed channel")
	select {
	case ch <- 1:
		fmt.Println("sent")
	default:
		fmt.Println("default")
	}
}
