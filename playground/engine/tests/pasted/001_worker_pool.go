// A worker pool as tutorials write it: jobs in, results out, a WaitGroup
// to close the results channel.
package main

import (
	"fmt"
	"sync"
	"time"
)

func worker(id int, jobs <-chan int, results chan<- string, wg *sync.WaitGroup) {
	defer wg.Done()
	for j := range jobs {
		time.Sleep(time.Millisecond)
		results <- fmt.Sprintf("worker %d finished job %d", id, j)
	}
}

func main() {
	jobs := make(chan int, 100)
	results := make(chan string, 100)
	var wg sync.WaitGroup
	for w := 1; w <= 3; w++ {
		wg.Add(1)
		go worker(w, jobs, results, &wg)
	}
	for j := 1; j <= 9; j++ {
		jobs <- j
	}
	close(jobs)
	go func() {
		wg.Wait()
		close(results)
	}()
	n := 0
	for r := range results {
		fmt.Println(r)
		n++
	}
	fmt.Println("done:", n, "results")
}
