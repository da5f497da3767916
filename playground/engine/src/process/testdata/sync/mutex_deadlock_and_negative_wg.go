package main

import (
	"fmt"
	"sync"
)

func main() {
	var mu sync.Mutex
	var wg sync.WaitGroup
	mu.Lock()
	wg.Add(1)
	go func() {
		defer wg.Done()
		mu.Lock()
	}()
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		var w2 sync.WaitGroup
		w2.Done()
	}()
	wg.Wait()
}
