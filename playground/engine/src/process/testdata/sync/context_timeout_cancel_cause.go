package main

import (
	"context"
	"fmt"
	"sync"
	"time"
)

func main() {
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	child, stop := context.WithCancel(ctx)
	defer stop()
	var wg sync.WaitGroup
	for i := range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-child.Done()
			fmt.Println("worker", i, child.Err())
		}()
	}
	wg.Wait()
	fmt.Println(ctx.Err(), context.Cause(child))
	c2, cancel2 := context.WithCancelCause(context.Background())
	cancel2(fmt.Errorf("boom"))
	fmt.Println(c2.Err(), context.Cause(c2))
	select {
	case <-time.After(time.Second):
		fmt.Println("timeout")
	case <-c2.Done():
		fmt.Println("already done")
	}
}
