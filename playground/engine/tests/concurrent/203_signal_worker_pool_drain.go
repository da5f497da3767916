package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"sort"
	"sync"
	"syscall"
)

// A worker pool that stops taking jobs when SIGINT or SIGTERM arrives:
// every worker watches the NotifyContext's Done channel.
func worker(ctx context.Context, id int, jobs <-chan int, results chan<- int, stopped chan<- string, handledAll *int, mu *sync.Mutex, wg *sync.WaitGroup) {
	defer wg.Done()
	handled := 0
	for {
		select {
		case <-ctx.Done():
			mu.Lock()
			*handledAll += handled
			mu.Unlock()
			stopped <- fmt.Sprintf("worker %d stopped after %d jobs: %v", id, handled, context.Cause(ctx))
			return
		case j := <-jobs:
			handled++
			results <- j * j
		}
	}
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	jobs := make(chan int)
	results := make(chan int)
	stopped := make(chan string, 3)
	var wg sync.WaitGroup
	var mu sync.Mutex
	total := 0
	for id := 1; id <= 3; id++ {
		wg.Add(1)
		go worker(ctx, id, jobs, results, stopped, &total, &mu, &wg)
	}

	sum := 0
	for j := 1; j <= 6; j++ {
		jobs <- j
		sum += <-results
	}
	fmt.Println("sum of squares so far:", sum)

	syscall.Kill(os.Getpid(), syscall.SIGTERM)
	wg.Wait()
	close(stopped)
	var lines []string
	for s := range stopped {
		lines = append(lines, s)
	}
	sort.Strings(lines)
	for _, l := range lines {
		fmt.Println(l)
	}
	fmt.Println("jobs handled:", total, "err:", ctx.Err())
}
