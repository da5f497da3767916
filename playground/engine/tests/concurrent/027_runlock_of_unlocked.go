package main

import (
	"fmt"
	"sync"
)

func main() {
	var mu sync.RWMutex
	mu.RLock()
	mu.RUnlock()
	fmt.Println("runlock again")
	mu.RUnlock()
}
