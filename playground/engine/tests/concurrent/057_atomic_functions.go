package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

func main() {
	var n int64
	var u uint32
	var wg sync.WaitGroup
	for i := 0; i < 20; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < 500; j++ {
				atomic.AddInt64(&n, 1)
				atomic.AddUint32(&u, 2)
			}
		}()
	}
	wg.Wait()
	fmt.Println(atomic.LoadInt64(&n), atomic.LoadUint32(&u))
	atomic.StoreInt64(&n, 5)
	fmt.Println(atomic.CompareAndSwapInt64(&n, 4, 10), n)
	fmt.Println(atomic.CompareAndSwapInt64(&n, 5, 10), n)
	fmt.Println(atomic.SwapInt64(&n, 77), n)
	var i32 int32 = 3
	fmt.Println(atomic.AddInt32(&i32, -5))
	var u64 uint64
	fmt.Println(atomic.AddUint64(&u64, ^uint64(0)))
	fmt.Println(atomic.OrInt32(&i32, 1), atomic.AndInt32(&i32, 0xf), i32)
}
