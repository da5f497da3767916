package main

import (
	"fmt"
	"sync"
)

type SafeCounter struct {
	mu sync.Mutex
	v  map[string]int
}

func (c *SafeCounter) Inc(key string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.v[key]++
}

func worker(id int, jobs <-chan int, results chan<- int, wg *sync.WaitGroup) {
	defer wg.Done()
	for j := range jobs {
		results <- j * 2
	}
	_ = id
}

func main() {
	c := SafeCounter{v: make(map[string]int)}
	var wg sync.WaitGroup
	for i := 0; i < 10; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c.Inc("k")
		}()
	}
	wg.Wait()
	jobs := make(chan int, 5)
	results := make(chan int, 5)
	var wg2 sync.WaitGroup
	for w := 1; w <= 3; w++ {
		wg2.Add(1)
		go worker(w, jobs, results, &wg2)
	}
	for j := 1; j <= 5; j++ {
		jobs <- j
	}
	close(jobs)
	wg2.Wait()
	close(results)
	sum := 0
	for r := range results {
		sum += r
	}
	fmt.Println(c.v["k"], sum)
}
