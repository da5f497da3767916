// Open: whether the reader takes the read lock before or after the writer
// takes the write lock, so whether it prints the old value or the new one.
package main

import (
	"fmt"
	"sync"
)

func main() {
	var (
		rw sync.RWMutex
		wg sync.WaitGroup
	)
	value := "old"
	wg.Go(func() {
		rw.Lock()
		value = "new"
		rw.Unlock()
	})
	wg.Go(func() {
		rw.RLock()
		fmt.Println("reader saw", value)
		rw.RUnlock()
	})
	wg.Wait()
}
