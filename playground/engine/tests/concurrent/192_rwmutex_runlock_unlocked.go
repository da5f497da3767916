package main

import (
	"fmt"
	"sync"
)

func main() {
	var mu sync.RWMutex
	done := make(chan bool)
	go func() {
		mu.RLock()
		mu.RUnlock()
		fmt.Println("reader done")
		done <- true
	}()
	<-done
	defer func() {
		// A fatal error is not a panic: recover cannot stop it.
		fmt.Println("recovered:", recover())
	}()
	mu.RUnlock()
}
