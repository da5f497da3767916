package main

import (
	"fmt"
	"sync"
)

func main() {
	var mu sync.Mutex
	fmt.Println("first TryLock:", mu.TryLock())
	fmt.Println("second TryLock:", mu.TryLock())
	done := make(chan bool)
	go func() {
		done <- mu.TryLock()
	}()
	fmt.Println("from goroutine:", <-done)
	mu.Unlock()
	fmt.Println("after unlock:", mu.TryLock())
	mu.Unlock()
}
