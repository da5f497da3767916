package main

import (
	"context"
	"fmt"
)

type key string

type userKey struct{}

func handle(ctx context.Context) {
	fmt.Println("request id:", ctx.Value(key("request-id")))
	if u, ok := ctx.Value(userKey{}).(string); ok {
		fmt.Println("user:", u)
	}
	fmt.Println("missing:", ctx.Value(key("missing")))
}

func main() {
	ctx := context.WithValue(context.Background(), key("request-id"), 1234)
	ctx = context.WithValue(ctx, userKey{}, "gopher")
	done := make(chan bool)
	go func() {
		handle(ctx)
		done <- true
	}()
	<-done
	shadow := context.WithValue(ctx, key("request-id"), 99)
	fmt.Println(shadow.Value(key("request-id")), ctx.Value(key("request-id")))
	fmt.Println(context.WithValue(context.Background(), key("k"), "v"))
}
