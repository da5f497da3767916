package main

import (
	"context"
	"fmt"
)

func gen(ctx context.Context, nums ...int) <-chan int {
	out := make(chan int)
	go func() {
		defer close(out)
		for _, n := range nums {
			select {
			case out <- n:
			case <-ctx.Done():
				return
			}
		}
	}()
	return out
}

func square(ctx context.Context, in <-chan int) <-chan int {
	out := make(chan int)
	go func() {
		defer close(out)
		for n := range in {
			select {
			case out <- n * n:
			case <-ctx.Done():
				return
			}
		}
	}()
	return out
}

func main() {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	out := square(ctx, square(ctx, gen(ctx, 1, 2, 3, 4, 5)))
	fmt.Println(<-out, <-out)
	cancel()
	// Drain whatever was in flight; the stages exit and close their outputs.
	n := 0
	for range out {
		n++
	}
	fmt.Println("pipeline closed, drained at most 1:", n <= 1)
}
