package main

import (
	"fmt"
	"time"
)

func main() {
	requests := make(chan int, 5)
	for i := 1; i <= 5; i++ {
		requests <- i
	}
	close(requests)
	limiter := time.NewTicker(10 * time.Millisecond)
	defer limiter.Stop()
	start := time.Now()
	for req := range requests {
		<-limiter.C
		fmt.Println("request", req)
	}
	fmt.Println("spread over >= 50ms:", time.Since(start) >= 50*time.Millisecond)
}
