// A lesson-style program: a goroutine leak and its fix.
package main

import (
	"context"
	"errors"
	"fmt"
	"time"
)

type result struct {
	val int
	err error
}

func slowQuery(ctx context.Context, id int) <-chan result {
	out := make(chan result, 1) // buffered: the sender never blocks
	go func() {
		select {
		case <-time.After(10 * time.Millisecond):
			out <- result{val: id * 10}
		case <-ctx.Done():
			out <- result{err: ctx.Err()}
		}
	}()
	return out
}

func firstOf(ctx context.Context, ids ...int) (int, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	merged := make(chan result, len(ids))
	for _, id := range ids {
		go func(id int) {
			r := <-slowQuery(ctx, id)
			merged <- r
		}(id)
	}
	r := <-merged
	if r.err != nil {
		return 0, fmt.Errorf("firstOf: %w", r.err)
	}
	return r.val, nil
}

func main() {
	v, err := firstOf(context.Background(), 1, 2, 3)
	switch {
	case errors.Is(err, context.Canceled):
		fmt.Println("canceled")
	case err != nil:
		fmt.Println("error:", err)
	default:
		fmt.Println(v > 0)
	}
}
