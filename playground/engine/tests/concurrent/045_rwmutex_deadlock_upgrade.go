package main

import (
	"fmt"
	"sync"
)

func main() {
	var mu sync.RWMutex
	mu.RLock()
	fmt.Println("trying to upgrade a read lock")
	mu.Lock()
}
