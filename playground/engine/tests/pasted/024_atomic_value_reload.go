// Hot-reloading a config with atomic.Pointer while readers keep reading.
package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

type Config struct {
	Version int
	Limit   int
}

func main() {
	var cfg atomic.Pointer[Config]
	cfg.Store(&Config{Version: 1, Limit: 10})
	var wg sync.WaitGroup
	seen := make([]int, 5)
	for i := range seen {
		wg.Add(1)
		go func() {
			defer wg.Done()
			seen[i] = cfg.Load().Version
		}()
	}
	wg.Wait()
	old := cfg.Swap(&Config{Version: 2, Limit: 20})
	fmt.Println(seen, old.Version, cfg.Load().Limit)
	fmt.Println(cfg.CompareAndSwap(old, &Config{Version: 3}), cfg.Load().Version)
}
