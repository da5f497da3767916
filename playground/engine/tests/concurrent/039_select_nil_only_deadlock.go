package main

import "fmt"

func main() {
	var a chan int
	var b chan string
	fmt.Println("all cases nil")
	select {
	case <-a:
	case b <- "x":
	}
}
