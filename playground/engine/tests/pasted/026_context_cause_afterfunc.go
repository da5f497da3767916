package main

import (
	"context"
	"errors"
	"fmt"
	"time"
)

var ErrBoom = errors.New("boom")

func main() {
	ctx, cancel := context.WithCancelCause(context.Background())
	stop := context.AfterFunc(ctx, func() { fmt.Println("after func ran") })
	_ = stop
	go func() {
		time.Sleep(10 * time.Millisecond)
		cancel(ErrBoom)
	}()
	<-ctx.Done()
	time.Sleep(time.Millisecond)
	fmt.Println(ctx.Err(), context.Cause(ctx))
	ctx2, c2 := context.WithTimeoutCause(context.Background(), 5*time.Millisecond, errors.New("too slow"))
	defer c2()
	select {
	case <-ctx2.Done():
		fmt.Println(ctx2.Err(), context.Cause(ctx2))
	case <-time.After(time.Second):
		fmt.Println("after")
	}
	ctx3 := context.WithValue(context.Background(), "k", 7)
	fmt.Println(ctx3.Value("k"), ctx3)
	ctx4, c4 := context.WithDeadline(context.Background(), time.Now().Add(time.Hour))
	c4()
	fmt.Println(ctx4.Err())
	fmt.Println(errors.Is(ctx4.Err(), context.Canceled))
	_, ok := ctx4.Deadline()
	fmt.Println(ok)
}
