package main

import (
	"fmt"
	"runtime"
	"sync"
)

func main() {
	var mu sync.Mutex
	turn := 0
	var out []string
	var wg sync.WaitGroup
	for id := 0; id < 2; id++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 3; {
				mu.Lock()
				if turn%2 == id {
					out = append(out, fmt.Sprintf("g%d:%d", id, i))
					turn++
					i++
				}
				mu.Unlock()
				runtime.Gosched()
			}
		}()
	}
	wg.Wait()
	fmt.Println(out)
}
