package main

import (
	"fmt"
	"sync"
)

func main() {
	var mu sync.Mutex
	mu.Lock()
	done := make(chan bool)
	go func() {
		// A Mutex is not tied to a goroutine: another one may unlock it.
		mu.Unlock()
		done <- true
	}()
	<-done
	mu.Lock()
	fmt.Println("locked again after a foreign unlock")
	mu.Unlock()
}
