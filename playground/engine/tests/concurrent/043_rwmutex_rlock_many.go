package main

import (
	"fmt"
	"sync"
)

func main() {
	var mu sync.RWMutex
	mu.RLock()
	mu.RLock()
	fmt.Println("two readers hold it")
	fmt.Println("TryLock while read-locked:", mu.TryLock())
	fmt.Println("TryRLock while read-locked:", mu.TryRLock())
	mu.RUnlock()
	mu.RUnlock()
	mu.RUnlock()
	fmt.Println("TryLock when free:", mu.TryLock())
	fmt.Println("TryRLock while write-locked:", mu.TryRLock())
	mu.Unlock()
	rl := mu.RLocker()
	rl.Lock()
	fmt.Println("RLocker locked; TryLock:", mu.TryLock())
	rl.Unlock()
	fmt.Println("RLocker unlocked; TryLock:", mu.TryLock())
}
