package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	results := make([]int, 5)
	for i := 0; i < 5; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			// Since Go 1.22 each iteration has its own i.
			results[i] = i * i
		}()
	}
	wg.Wait()
	fmt.Println(results)
}
