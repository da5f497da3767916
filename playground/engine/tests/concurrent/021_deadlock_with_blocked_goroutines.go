package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	ch := make(chan int)
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			ch <- i
		}()
	}
	fmt.Println(<-ch + <-ch)
	wg.Add(1)
	wg.Wait()
}
