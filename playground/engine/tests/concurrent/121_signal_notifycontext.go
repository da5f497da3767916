package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	fmt.Println(ctx)
	syscall.Kill(os.Getpid(), syscall.SIGINT)
	<-ctx.Done()
	fmt.Println("err:", ctx.Err())
	fmt.Println("cause:", context.Cause(ctx))
}
