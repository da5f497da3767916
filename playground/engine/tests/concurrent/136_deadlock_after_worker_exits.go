package main

import (
	"fmt"
	"time"
)

func main() {
	results := make(chan int)
	go func() {
		time.Sleep(10 * time.Millisecond)
		fmt.Println("worker sends one result and exits")
		results <- 1
	}()
	fmt.Println("first:", <-results)
	fmt.Println("second:", <-results)
}
