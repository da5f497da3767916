package main

import (
	"context"
	"errors"
	"fmt"
	"time"
)

func main() {
	slow := errors.New("backend too slow")
	ctx, cancel := context.WithTimeoutCause(context.Background(), 10*time.Millisecond, slow)
	defer cancel()
	<-ctx.Done()
	fmt.Println(ctx.Err())
	fmt.Println(context.Cause(ctx))

	ctx2, cancel2 := context.WithDeadlineCause(context.Background(), time.Now().Add(time.Hour), slow)
	cancel2()
	fmt.Println(ctx2.Err(), context.Cause(ctx2))
}
