package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

func main() {
	var hits atomic.Int64
	var flag atomic.Bool
	var small atomic.Int32
	var big atomic.Uint64
	var wg sync.WaitGroup
	for i := 0; i < 10; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			hits.Add(3)
			small.Add(-1)
			big.Add(1 << 40)
			flag.Store(true)
		}()
	}
	wg.Wait()
	fmt.Println(hits.Load(), small.Load(), big.Load(), flag.Load())
	fmt.Println(hits.CompareAndSwap(30, 0), hits.Load())
	fmt.Println(hits.Swap(9), hits.Load())
	fmt.Println(flag.Swap(false), flag.Load())
	fmt.Println(flag.CompareAndSwap(false, true), flag.Load())
	var u atomic.Uint32
	u.Store(0b1100)
	fmt.Println(u.Or(0b0011), u.And(0b0110), u.Load())
}
