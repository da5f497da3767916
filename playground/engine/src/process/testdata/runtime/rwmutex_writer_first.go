// A writer waiting on a read-locked RWMutex goes before a reader that
// arrives after it.
package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	var rw sync.RWMutex
	var wg sync.WaitGroup
	rw.RLock()
	wg.Add(2)
	go func() {
		rw.Lock()
		fmt.Println("writer")
		rw.Unlock()
		wg.Done()
	}()
	time.Sleep(time.Millisecond)
	go func() {
		rw.RLock()
		fmt.Println("reader")
		rw.RUnlock()
		wg.Done()
	}()
	time.Sleep(time.Millisecond)
	fmt.Println("main unlocks")
	rw.RUnlock()
	wg.Wait()
}
