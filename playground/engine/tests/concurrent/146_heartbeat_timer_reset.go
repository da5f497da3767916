package main

import (
	"fmt"
	"time"
)

func main() {
	beats := make(chan int)
	go func() {
		for i := 1; i <= 3; i++ {
			time.Sleep(5 * time.Millisecond)
			beats <- i
		}
		// then silence
	}()
	idle := time.NewTimer(100 * time.Millisecond)
	defer idle.Stop()
	for {
		select {
		case n := <-beats:
			fmt.Println("beat", n)
			idle.Reset(100 * time.Millisecond)
		case <-idle.C:
			fmt.Println("no heartbeat for 100ms: peer presumed dead")
			return
		}
	}
}
