package main

import (
	"fmt"
	"runtime"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		fmt.Println("worker exits early via Goexit without Done")
		runtime.Goexit()
		wg.Done()
	}()
	wg.Wait()
}
