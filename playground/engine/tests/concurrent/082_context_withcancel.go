package main

import (
	"context"
	"errors"
	"fmt"
)

func main() {
	ctx, cancel := context.WithCancel(context.Background())
	fmt.Println(ctx)
	fmt.Println("err before:", ctx.Err())
	done := make(chan string)
	go func() {
		<-ctx.Done()
		done <- "worker saw: " + ctx.Err().Error()
	}()
	cancel()
	fmt.Println(<-done)
	fmt.Println(errors.Is(ctx.Err(), context.Canceled), ctx.Err() == context.Canceled)
	cancel() // a second cancel does nothing
	fmt.Println(context.Cause(ctx))
}
