package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

type Config struct {
	Name    string
	Retries int
}

func main() {
	var v atomic.Value
	fmt.Println(v.Load() == nil)
	v.Store(Config{"initial", 1})
	var wg sync.WaitGroup
	names := make([]string, 3)
	for i := range 3 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			names[i] = v.Load().(Config).Name
		}()
	}
	wg.Wait()
	fmt.Println(names)
	old := v.Swap(Config{"second", 2})
	fmt.Println(old.(Config).Name, v.Load().(Config).Retries)
	fmt.Println(v.CompareAndSwap(Config{"second", 2}, Config{"third", 3}))
	fmt.Println(v.Load())
	defer func() { fmt.Println("recovered:", recover()) }()
	v.Store("a string")
}
