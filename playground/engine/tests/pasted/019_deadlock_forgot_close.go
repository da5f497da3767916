// Ranging over a channel nobody closes: the classic deadlock.
package main

import (
	"fmt"
	"sync"
)

func main() {
	results := make(chan int)
	var wg sync.WaitGroup
	for i := 1; i <= 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results <- i * 10
		}()
	}
	sum := 0
	for r := range results {
		sum += r
		fmt.Println("got", r, "sum", sum)
	}
	wg.Wait()
	fmt.Println("total", sum)
}
