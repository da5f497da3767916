package main

import (
	"fmt"
	"sync"
)

func main() {
	queue := make(chan int, 4)
	var producers sync.WaitGroup
	for p := 0; p < 3; p++ {
		producers.Add(1)
		go func() {
			defer producers.Done()
			for i := 0; i < 5; i++ {
				queue <- p*100 + i
			}
		}()
	}
	go func() {
		producers.Wait()
		close(queue) // only after every producer is done
	}()
	var consumers sync.WaitGroup
	sums := make([]int, 2)
	counts := make([]int, 2)
	for c := 0; c < 2; c++ {
		consumers.Add(1)
		go func() {
			defer consumers.Done()
			for v := range queue {
				sums[c] += v
				counts[c]++
			}
		}()
	}
	consumers.Wait()
	fmt.Println("consumed", counts[0]+counts[1], "items, sum", sums[0]+sums[1])
	v, ok := <-queue
	fmt.Println("after drain:", v, ok)
}
