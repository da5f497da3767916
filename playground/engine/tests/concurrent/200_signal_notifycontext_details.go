package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"runtime"
	"syscall"
)

// What signal.NotifyContext hands back: its String, the cause a signal
// leaves, what stop does, and the goroutines it and Notify start.
func main() {
	fmt.Println("goroutines at start:", runtime.NumGoroutine())
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	fmt.Println("goroutines after NotifyContext:", runtime.NumGoroutine())
	fmt.Println(ctx)
	fmt.Println("before:", ctx.Err(), context.Cause(ctx))

	syscall.Kill(os.Getpid(), syscall.SIGTERM)
	<-ctx.Done()
	cause := context.Cause(ctx)
	fmt.Printf("err=%v cause=%v (%T)\n", ctx.Err(), cause, cause)
	fmt.Println("cause is context.Canceled:", errors.Is(cause, context.Canceled), cause == context.Canceled)
	stop()
	fmt.Println("after stop:", context.Cause(ctx))

	parent, cancel := context.WithCancel(context.Background())
	child, stopChild := signal.NotifyContext(parent, syscall.SIGHUP)
	fmt.Println(child)
	cancel()
	<-child.Done()
	fmt.Println("parent canceled:", child.Err(), context.Cause(child))
	stopChild()

	all, stopAll := signal.NotifyContext(context.TODO())
	stopAll()
	fmt.Println(all, "->", all.Err(), context.Cause(all))

	nested, _ := signal.NotifyContext(all, os.Interrupt)
	v := context.WithValue(nested, "user", "gopher")
	fmt.Println(v)
	fmt.Println("nested:", nested.Err())

	go func() {
		panic("which goroutine am I?")
	}()
	select {}
}
