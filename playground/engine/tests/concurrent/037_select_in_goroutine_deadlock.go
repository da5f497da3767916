package main

import (
	"fmt"
	"time"
)

func main() {
	a := make(chan int)
	b := make(chan int)
	go func() {
		select {
		case <-a:
		case <-b:
		}
	}()
	time.Sleep(10 * time.Millisecond)
	fmt.Println("main waits too")
	<-a
}
