package main

import "fmt"

func main() {
	data := make(chan int)
	quit := make(chan bool)
	go func() {
		for i := 0; i < 4; i++ {
			data <- i
		}
		quit <- true
	}()
	total := 0
loop:
	for {
		select {
		case v := <-data:
			total += v
		case <-quit:
			break loop
		}
	}
	fmt.Println("total", total)
}
