package main

import (
	"fmt"
	"slices"
	"sync"
)

func main() {
	var mu sync.Mutex
	var log []string
	var wg sync.WaitGroup
	for _, name := range []string{"ann", "bob", "cid", "dee"} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mu.Lock()
			defer mu.Unlock()
			log = append(log, name)
		}()
	}
	wg.Wait()
	slices.Sort(log)
	fmt.Println(log)
}
