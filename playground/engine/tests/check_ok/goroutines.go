package main

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"strconv"
	"sync"
	"sync/atomic"
	"time"
	"unicode/utf8"
)

type result struct {
	id  int
	err error
}

func worker(ctx context.Context, id int, jobs <-chan int, out chan<- result, wg *sync.WaitGroup) {
	defer wg.Done()
	for {
		select {
		case <-ctx.Done():
			out <- result{id, ctx.Err()}
			return
		case j, ok := <-jobs:
			if !ok {
				return
			}
			if j%2 == 0 {
				out <- result{id: j}
			} else {
				out <- result{id: j, err: errors.New("odd " + strconv.Itoa(j))}
			}
		}
	}
}

func main() {
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	jobs := make(chan int)
	out := make(chan result, 10)
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go worker(ctx, i, jobs, out, &wg)
	}
	for j := range 5 {
		jobs <- j
	}
	close(jobs)
	wg.Wait()
	close(out)
	var n atomic.Int64
	var count int32
	for r := range out {
		n.Add(1)
		atomic.AddInt32(&count, 1)
		if r.err != nil {
			fmt.Println(r.err)
		}
	}
	var once sync.Once
	once.Do(func() { fmt.Println("once") })
	var mu sync.RWMutex
	mu.RLock()
	mu.RUnlock()
	done := make(chan struct{})
	go func() {
		defer close(done)
		runtime.Gosched()
	}()
	<-done
	timer := time.NewTimer(time.Millisecond)
	<-timer.C
	start := time.Now()
	elapsed := time.Since(start)
	_ = elapsed.Seconds()
	fmt.Println(n.Load(), count, runtime.NumGoroutine(), utf8.RuneCountInString("héllo"))
	var wg2 sync.WaitGroup
	wg2.Go(func() {})
	wg2.Wait()
}
