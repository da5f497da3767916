package main

import (
	"context"
	"fmt"
)

func main() {
	ctx, cancel := context.WithCancel(context.Background())
	reason := ""
	done := make(chan bool)
	go func() {
		<-ctx.Done()
		fmt.Println(reason)
		done <- true
	}()
	reason = "shutdown"
	cancel()
	<-done
}
