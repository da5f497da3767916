package main

import (
	"fmt"
	"sync"
)

// A buffered channel as a semaphore of one: the k-th receive happens
// before the (k+1)-th send completes.
func main() {
	sem := make(chan int, 1)
	total := 0
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- 1
			total += i
			<-sem
		}()
	}
	wg.Wait()
	results := make(chan int, 3)
	data := make([]int, 3)
	for i := range 3 {
		go func() {
			data[i] = i * i
			results <- i
		}()
	}
	sum := 0
	for range 3 {
		sum += data[<-results]
	}
	fmt.Println(total, sum)
}
