package main

import (
	"fmt"
	"sync"
)

func main() {
	lock := make(chan struct{}, 1)
	balance := 0
	var wg sync.WaitGroup
	for i := 0; i < 100; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			lock <- struct{}{} // acquire
			balance += 10
			<-lock // release
		}()
	}
	wg.Wait()
	fmt.Println("balance", balance)
}
