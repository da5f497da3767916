package main

import (
	"fmt"
	"runtime"
	"sync"
)

func check(n int) {
	if n%2 == 1 {
		runtime.Goexit()
	}
}

func main() {
	var wg sync.WaitGroup
	var mu sync.Mutex
	var evens []int
	for i := 0; i < 6; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			check(i)
			mu.Lock()
			evens = append(evens, i)
			mu.Unlock()
		}()
	}
	wg.Wait()
	fmt.Println(len(evens), "goroutines got past check")
}
