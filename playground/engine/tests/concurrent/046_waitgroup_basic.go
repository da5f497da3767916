package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	squares := make([]int, 8)
	for i := range squares {
		wg.Add(1)
		go func(n int) {
			defer wg.Done()
			squares[n] = n * n
		}(i)
	}
	wg.Wait()
	fmt.Println(squares)
	// A WaitGroup at zero does not block.
	wg.Wait()
	fmt.Println("waited again")
}
