package main

import (
	"fmt"
	"sync"
)

func main() {
	var mu sync.RWMutex
	mu.Lock()
	readers := make(chan int)
	go func() {
		mu.RLock()
		readers <- 1
	}()
	fmt.Println("writer holds the lock and waits for the reader")
	<-readers
}
