package main

import (
	"context"
	"fmt"
	"runtime"
	"time"
)

// generate leaks unless its consumer cancels ctx.
func generate(ctx context.Context) <-chan int {
	out := make(chan int)
	go func() {
		defer close(out)
		for n := 0; ; n++ {
			select {
			case out <- n:
			case <-ctx.Done():
				return
			}
		}
	}()
	return out
}

func main() {
	before := runtime.NumGoroutine()
	ctx, cancel := context.WithCancel(context.Background())
	for n := range generate(ctx) {
		if n == 4 {
			break
		}
	}
	cancel()
	for i := 0; i < 2000 && runtime.NumGoroutine() > before; i++ {
		time.Sleep(time.Millisecond)
	}
	fmt.Println("goroutines back to", runtime.NumGoroutine()-before, "extra")
}
