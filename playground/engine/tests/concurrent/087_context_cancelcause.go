package main

import (
	"context"
	"errors"
	"fmt"
)

var errShutdown = errors.New("server shutting down")

func main() {
	ctx, cancel := context.WithCancelCause(context.Background())
	fmt.Println(context.Cause(ctx))
	cancel(errShutdown)
	fmt.Println(ctx.Err())
	fmt.Println(context.Cause(ctx))
	fmt.Println(errors.Is(context.Cause(ctx), errShutdown))
	cancel(errors.New("later cause is ignored"))
	fmt.Println(context.Cause(ctx))

	ctx2, cancel2 := context.WithCancelCause(context.Background())
	cancel2(nil)
	fmt.Println(context.Cause(ctx2))

	child, cancelChild := context.WithCancel(ctx)
	defer cancelChild()
	fmt.Println("child inherits:", context.Cause(child))
	fmt.Println(context.Cause(context.Background()))
}
