package main

import (
	"context"
	"errors"
	"fmt"
	"time"
)

func main() {
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	select {
	case <-ctx.Done():
		fmt.Println("done:", ctx.Err())
	case <-time.After(5 * time.Second):
		fmt.Println("too slow")
	}
	fmt.Println(errors.Is(ctx.Err(), context.DeadlineExceeded))
	fmt.Println(context.Cause(ctx))
	var te interface{ Timeout() bool }
	fmt.Println(errors.As(ctx.Err(), &te), te.Timeout())
	dl, ok := ctx.Deadline()
	fmt.Println(ok, !dl.IsZero())
}
