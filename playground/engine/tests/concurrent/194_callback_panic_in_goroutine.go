package main

import (
	"fmt"
	"sort"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		defer fmt.Println("deferred in the worker")
		s := []int{3, 1, 2}
		sort.Slice(s, func(i, j int) bool {
			if s[i] == 2 {
				panic(fmt.Sprintf("cannot compare %d", s[i]))
			}
			return s[i] < s[j]
		})
	}()
	wg.Wait()
}
