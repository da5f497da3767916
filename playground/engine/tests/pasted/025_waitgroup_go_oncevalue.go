package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	var mu sync.Mutex
	results := map[int]int{}
	for i := range 5 {
		wg.Go(func() {
			mu.Lock()
			defer mu.Unlock()
			results[i] = i * i
		})
	}
	wg.Wait()
	fmt.Println(results)
	once := sync.OnceValue(func() int { fmt.Println("computing"); return 42 })
	fmt.Println(once(), once())
	f := sync.OnceValues(func() (string, error) { return "x", nil })
	s, err := f()
	fmt.Println(s, err)
}
