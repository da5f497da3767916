package main

import "fmt"

func main() {
	done := make(chan string)
	go func() {
		done <- "hello from a goroutine"
	}()
	fmt.Println(<-done)
}
