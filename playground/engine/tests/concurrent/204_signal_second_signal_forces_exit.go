package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"runtime"
	"syscall"
)

// The usual shutdown: the first SIGTERM cancels the NotifyContext and
// starts a graceful shutdown; stop hands SIGTERM back, and a second one,
// caught by a plain Notify channel, forces the exit.
func main() {
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM)
	fmt.Println("serving:", ctx)

	syscall.Kill(os.Getpid(), syscall.SIGTERM)
	<-ctx.Done()
	fmt.Println("graceful shutdown:", context.Cause(ctx))

	// Nobody reads the context's channel any more: this one is absorbed.
	syscall.Kill(os.Getpid(), syscall.SIGTERM)
	runtime.Gosched()
	fmt.Println("absorbed; goroutines:", runtime.NumGoroutine())

	stop()
	fmt.Println("stopped; cause still:", context.Cause(ctx), "| ignored:", signal.Ignored(syscall.SIGTERM))

	force := make(chan os.Signal, 1)
	signal.Notify(force, syscall.SIGTERM)
	go func() {
		s := <-force
		fmt.Println("second signal:", s, "- forcing exit")
		os.Exit(3)
	}()
	fmt.Println("still cleaning up; goroutines:", runtime.NumGoroutine())
	syscall.Kill(os.Getpid(), syscall.SIGTERM)
	select {}
}
