package main

import "fmt"

func main() {
	var in chan int
	var out chan int
	for i := 0; i < 2; i++ {
		select {
		case v := <-in:
			fmt.Println("received", v)
		case out <- i:
			fmt.Println("sent", i)
		default:
			fmt.Println("nil channels never ready; default", i)
		}
	}
}
