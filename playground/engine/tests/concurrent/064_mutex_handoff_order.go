package main

import (
	"fmt"
	"sync"
)

func main() {
	var mu sync.Mutex
	turns := make([]chan bool, 3)
	for i := range turns {
		turns[i] = make(chan bool)
	}
	var wg sync.WaitGroup
	shared := ""
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-turns[i]
			mu.Lock()
			shared += fmt.Sprint(i)
			mu.Unlock()
			if i+1 < len(turns) {
				turns[i+1] <- true
			}
		}()
	}
	turns[0] <- true
	wg.Wait()
	fmt.Println(shared)
}
