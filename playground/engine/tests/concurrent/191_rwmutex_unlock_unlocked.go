package main

import (
	"fmt"
	"sync"
)

func main() {
	var mu sync.RWMutex
	mu.Lock()
	mu.Unlock()
	fmt.Println("locked and unlocked once")
	defer fmt.Println("deferred calls do not run after a fatal error")
	mu.Unlock()
}
