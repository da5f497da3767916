// Cancelling a group of workers with a context once enough results came in.
package main

import (
	"context"
	"fmt"
	"sync"
	"time"
)

func worker(ctx context.Context, id int, out chan<- int, wg *sync.WaitGroup) {
	defer wg.Done()
	for i := 0; ; i++ {
		select {
		case <-ctx.Done():
			return
		case out <- id*100 + i:
			time.Sleep(time.Millisecond)
		}
	}
}

func main() {
	ctx, cancel := context.WithCancel(context.Background())
	out := make(chan int)
	var wg sync.WaitGroup
	for id := 1; id <= 3; id++ {
		wg.Add(1)
		go worker(ctx, id, out, &wg)
	}
	count := 0
	for range out {
		count++
		if count == 10 {
			break
		}
	}
	cancel()
	wg.Wait()
	fmt.Println("took", count, "results; err:", ctx.Err())
}
