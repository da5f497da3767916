package main

import "fmt"

func main() {
	ch := make(chan int)
	done := make(chan bool)
	close(ch)
	go func() {
		ch <- 42
		done <- true
	}()
	<-done
	fmt.Println("unreachable")
}
