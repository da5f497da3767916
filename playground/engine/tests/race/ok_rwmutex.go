package main

import (
	"fmt"
	"sync"
)

func main() {
	var rw sync.RWMutex
	m := map[string]int{}
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg.Add(2)
		go func() {
			defer wg.Done()
			rw.Lock()
			m[fmt.Sprint(i)] = i
			rw.Unlock()
		}()
		go func() {
			defer wg.Done()
			rw.RLock()
			_ = m["0"]
			rw.RUnlock()
		}()
	}
	wg.Wait()
	fmt.Println(len(m))
}
