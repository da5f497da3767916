// Waiting for a slow reply with a timeout: time.After in a select, and
// a context deadline that a worker notices between steps.
package main

import (
	"context"
	"errors"
	"fmt"
	"time"
)

func fetch(d time.Duration) <-chan string {
	out := make(chan string, 1)
	go func() {
		time.Sleep(d)
		out <- fmt.Sprintf("reply after %v", d)
	}()
	return out
}

func slowSum(ctx context.Context, n int) (int, error) {
	sum := 0
	for i := 1; i <= n; i++ {
		select {
		case <-ctx.Done():
			return sum, ctx.Err()
		case <-time.After(time.Second):
			sum += i
		}
	}
	return sum, nil
}

func main() {
	for _, d := range []time.Duration{500 * time.Millisecond, 3 * time.Second} {
		select {
		case r := <-fetch(d):
			fmt.Println(r)
		case <-time.After(2 * time.Second):
			fmt.Println("timed out waiting", d)
		}
	}
	ctx, cancel := context.WithTimeout(context.Background(), 4500*time.Millisecond)
	defer cancel()
	sum, err := slowSum(ctx, 10)
	fmt.Println("sum:", sum, "err:", err, "deadline:", errors.Is(err, context.DeadlineExceeded))
}
