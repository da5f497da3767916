// atomic.Pointer[T], Go's generic library type: goroutines update a
// configuration by compare-and-swap until each has applied its change.
package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

type Config struct {
	Name    string
	Version int
}

func main() {
	var cfg atomic.Pointer[Config]
	fmt.Println(cfg.Load() == nil)
	cfg.Store(&Config{"a", 1})
	var wg sync.WaitGroup
	for i := 2; i <= 5; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				old := cfg.Load()
				next := &Config{old.Name, old.Version + 1}
				if cfg.CompareAndSwap(old, next) {
					return
				}
			}
		}()
	}
	wg.Wait()
	c := cfg.Load()
	fmt.Println(c.Name, c.Version)
	prev := cfg.Swap(&Config{"b", 0})
	fmt.Println(prev.Version, cfg.Load().Name)
	fmt.Printf("%T\n", &cfg)
}
