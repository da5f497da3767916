package main

import (
	"fmt"
	"runtime"
	"time"
)

func main() {
	fmt.Println("start:", runtime.NumGoroutine())
	release := make(chan struct{})
	running := make(chan struct{})
	time.AfterFunc(time.Millisecond, func() {
		close(running)
		<-release
	})
	<-running
	fmt.Println("while the AfterFunc goroutine runs:", runtime.NumGoroutine())
	close(release)
	for runtime.NumGoroutine() > 1 {
		time.Sleep(time.Millisecond)
	}
	fmt.Println("after it returns:", runtime.NumGoroutine())
}
