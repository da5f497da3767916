package main

import (
	"context"
	"fmt"
	"time"
)

func fetch(ctx context.Context, cost time.Duration) (string, error) {
	select {
	case <-time.After(cost):
		return "data", nil
	case <-ctx.Done():
		return "", ctx.Err()
	}
}

func main() {
	for _, cost := range []time.Duration{5 * time.Millisecond, 2 * time.Second} {
		ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
		v, err := fetch(ctx, cost)
		cancel()
		fmt.Printf("cost %v: %q %v\n", cost, v, err)
	}
}
