package main

import "fmt"

func main() {
	x := 0
	done := make(chan struct{})
	go func() {
		x = 1
		done <- struct{}{}
	}()
	<-done
	x++
	ack := make(chan int)
	go func() {
		<-ack
		x++
	}()
	x++
	ack <- 1
	fmt.Println("ok")
}
