package main

import (
	"fmt"
	"sync"
)

func main() {
	var mu sync.RWMutex
	fmt.Println("unlock without lock")
	mu.Unlock()
}
