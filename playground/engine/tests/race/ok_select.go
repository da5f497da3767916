package main

import "fmt"

func main() {
	x := 0
	a := make(chan int)
	b := make(chan int)
	go func() {
		x = 1
		a <- 1
	}()
	select {
	case <-a:
	case <-b:
	}
	x++
	fmt.Println(x)
}
