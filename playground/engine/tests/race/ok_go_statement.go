package main

import "fmt"

var msg string

func main() {
	msg = "hello"
	done := make(chan bool)
	go func() {
		fmt.Println(msg)
		done <- true
	}()
	<-done
}
