package main

import (
	"fmt"
	"sync"
)

func count(to int) {
	for i := 1; i <= to; i++ {
		fmt.Println(i)
	}
}

func main() {
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		count(3)
	}()
	wg.Wait()
}
