// A slow operation under a context deadline, the way service code does it.
package main

import (
	"context"
	"errors"
	"fmt"
	"time"
)

func slowQuery(ctx context.Context, d time.Duration) (string, error) {
	select {
	case <-time.After(d):
		return "rows", nil
	case <-ctx.Done():
		return "", fmt.Errorf("query: %w", ctx.Err())
	}
}

func main() {
	for _, d := range []time.Duration{10 * time.Millisecond, time.Second} {
		ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
		res, err := slowQuery(ctx, d)
		cancel()
		switch {
		case errors.Is(err, context.DeadlineExceeded):
			fmt.Printf("%v: timed out (%v)\n", d, err)
		case err != nil:
			fmt.Printf("%v: failed: %v\n", d, err)
		default:
			fmt.Printf("%v: got %s\n", d, res)
		}
	}
}
