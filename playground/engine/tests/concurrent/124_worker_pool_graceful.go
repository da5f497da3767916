package main

import (
	"fmt"
	"sort"
	"sync"
)

type Job struct{ ID, Size int }
type Result struct {
	JobID  int
	Worker int
	Cost   int
}

func worker(id int, jobs <-chan Job, results chan<- Result, wg *sync.WaitGroup) {
	defer wg.Done()
	for j := range jobs {
		results <- Result{JobID: j.ID, Worker: id, Cost: j.Size * 10}
	}
}

func main() {
	jobs := make(chan Job, 10)
	results := make(chan Result, 10)
	var wg sync.WaitGroup
	for w := 1; w <= 3; w++ {
		wg.Add(1)
		go worker(w, jobs, results, &wg)
	}
	for i := 1; i <= 9; i++ {
		jobs <- Job{ID: i, Size: i % 4}
	}
	close(jobs) // graceful: workers finish the queue, then exit
	go func() {
		wg.Wait()
		close(results)
	}()
	var all []Result
	for r := range results {
		all = append(all, r)
	}
	sort.Slice(all, func(a, b int) bool { return all[a].JobID < all[b].JobID })
	total := 0
	for _, r := range all {
		fmt.Printf("job %d cost %d\n", r.JobID, r.Cost)
		total += r.Cost
	}
	fmt.Println("total", total, "jobs", len(all))
}
