// Rate limiting with a ticker, as in the usual examples.
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
	limiter := time.NewTicker(200 * time.Millisecond)
	defer limiter.Stop()
	start := time.Now()
	for req := range requests {
		<-limiter.C
		fmt.Println("request", req)
	}
	fmt.Println("5 requests in", time.Since(start).Round(time.Second))
}
