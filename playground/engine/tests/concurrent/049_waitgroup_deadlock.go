package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	wg.Add(3)
	for i := 0; i < 2; i++ {
		go func() {
			defer wg.Done()
		}()
	}
	fmt.Println("waiting for three, only two will finish")
	wg.Wait()
}
