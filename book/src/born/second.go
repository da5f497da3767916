package main

import "fmt"

func greet(name string, done chan<- bool) {
	fmt.Println("hello from", name)
	done <- true
}

func main() {
	done := make(chan bool)
	go greet("the second goroutine", done)
	<-done
	fmt.Println("main saw it finish")
}
