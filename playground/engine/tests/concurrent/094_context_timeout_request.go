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
	for _, cost := range []time.Duration{5 * time.Millisecond, 500 * time.Millisecond} {
		ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
		v, err := fetch(ctx, cost)
		cancel()
		fmt.Printf("cost %v: %q %v\n", cost, v, err)
	}
}
