package main

import (
	"fmt"
	"sync"
)

func main() {
	calls := 0
	get := sync.OnceValue(func() int {
		calls++
		return 42
	})
	var wg sync.WaitGroup
	results := make([]int, 5)
	for i := range 5 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results[i] = get()
		}()
	}
	wg.Wait()
	fmt.Println(results, calls)

	hello := sync.OnceFunc(func() { fmt.Println("hello once") })
	hello()
	hello()

	pair := sync.OnceValues(func() (string, error) {
		return "value", fmt.Errorf("wrapped: %w", fmt.Errorf("base"))
	})
	v, err := pair()
	fmt.Println(v, err)
	v, err = pair()
	fmt.Println(v, err)
}
