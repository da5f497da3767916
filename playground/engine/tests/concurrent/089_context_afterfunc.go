package main

import (
	"context"
	"fmt"
)

func main() {
	ctx, cancel := context.WithCancel(context.Background())
	ran := make(chan string)
	stop := context.AfterFunc(ctx, func() {
		ran <- "after func ran: " + ctx.Err().Error()
	})
	cancel()
	fmt.Println(<-ran)
	fmt.Println("stop after it ran:", stop())

	ctx2, cancel2 := context.WithCancel(context.Background())
	stop2 := context.AfterFunc(ctx2, func() { fmt.Println("never runs") })
	fmt.Println("stop before cancel:", stop2())
	fmt.Println("stop again:", stop2())
	cancel2()
	fmt.Println("canceled:", ctx2.Err())
}
