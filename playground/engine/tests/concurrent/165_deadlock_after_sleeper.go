package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	var mu sync.Mutex
	locked := make(chan bool)
	forever := make(chan int)
	go func() {
		mu.Lock()
		locked <- true
		time.Sleep(20 * time.Millisecond)
		// While this goroutine sleeps there is no deadlock: a timer is pending.
		<-forever
	}()
	<-locked
	fmt.Println("main waits for the mutex")
	mu.Lock()
}
