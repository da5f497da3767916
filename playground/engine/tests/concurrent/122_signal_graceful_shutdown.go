package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"sync"
	"syscall"
)

func serve(ctx context.Context, id int, wg *sync.WaitGroup, started *sync.WaitGroup, out chan<- string) {
	defer wg.Done()
	started.Done()
	<-ctx.Done()
	out <- fmt.Sprintf("server %d drained", id)
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM)
	defer stop()
	var wg, started sync.WaitGroup
	out := make(chan string, 3)
	for i := 1; i <= 3; i++ {
		wg.Add(1)
		started.Add(1)
		go serve(ctx, i, &wg, &started, out)
	}
	started.Wait()
	syscall.Kill(os.Getpid(), syscall.SIGTERM)
	wg.Wait()
	close(out)
	n := 0
	for range out {
		n++
	}
	fmt.Println(n, "servers drained;", context.Cause(ctx))
}
