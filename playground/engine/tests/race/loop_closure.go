package main

import (
	"fmt"
	"sync"
)

func main() {
	var last int
	var wg sync.WaitGroup
	for i := range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			last = i
		}()
	}
	wg.Wait()
	fmt.Println(last >= 0)
}
