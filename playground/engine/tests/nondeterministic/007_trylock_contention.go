// Open: whether TryLock finds the mutex free. The holder keeps the lock
// for 200µs; the other goroutine computes for 100µs, then tries. It may try
// before the holder locks (with one P it always does: it runs first and
// nothing else runs meanwhile), while the lock is held, or after.
package main

import (
	"fmt"
	"sync"
	"time"
)

func spin(d time.Duration) {
	for start := time.Now(); time.Since(start) < d; {
	}
}

func main() {
	var (
		mu sync.Mutex
		wg sync.WaitGroup
	)
	wg.Go(func() {
		mu.Lock()
		spin(200 * time.Microsecond)
		mu.Unlock()
	})
	wg.Go(func() {
		spin(100 * time.Microsecond)
		ok := mu.TryLock()
		if ok {
			mu.Unlock()
		}
		fmt.Println("TryLock:", ok)
	})
	wg.Wait()
}
