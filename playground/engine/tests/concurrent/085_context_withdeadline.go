package main

import (
	"context"
	"fmt"
	"time"
)

func main() {
	past := time.Now().Add(-time.Minute)
	ctx, cancel := context.WithDeadline(context.Background(), past)
	defer cancel()
	// A deadline in the past is already exceeded.
	fmt.Println(ctx.Err())
	<-ctx.Done()
	fmt.Println("done channel closed")

	far := time.Now().Add(time.Hour)
	ctx2, cancel2 := context.WithDeadline(context.Background(), far)
	d, ok := ctx2.Deadline()
	fmt.Println(ok, d.Equal(far))
	cancel2()
	fmt.Println(ctx2.Err())

	// A child cannot extend its parent's deadline.
	parent, cp := context.WithTimeout(context.Background(), 10*time.Millisecond)
	defer cp()
	child, cc := context.WithTimeout(parent, time.Hour)
	defer cc()
	pd, _ := parent.Deadline()
	cd, _ := child.Deadline()
	fmt.Println(pd.Equal(cd))
	<-child.Done()
	fmt.Println(child.Err())
}
