package main

import (
	"fmt"
	"sync"
	"time"
)

type Cache struct {
	mu   sync.RWMutex
	data map[string]int
}

func (c *Cache) Get(k string) (int, bool) {
	c.mu.RLock()
	defer c.mu.RUnlock()
	v, ok := c.data[k]
	return v, ok
}

func (c *Cache) Set(k string, v int) {
	c.mu.Lock()
	c.data[k] = v
	c.mu.Unlock()
}

func main() {
	c := &Cache{data: map[string]int{}}
	var wg sync.WaitGroup
	for i := 0; i < 10; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			c.Set(fmt.Sprint(i%3), i)
			c.Get("0")
		}(i)
	}
	wg.Wait()
	fmt.Println(len(c.data))

	var mu sync.Mutex
	cond := sync.NewCond(&mu)
	ready := false
	var started sync.WaitGroup
	for i := 0; i < 3; i++ {
		started.Add(1)
		wg.Add(1)
		go func() {
			defer wg.Done()
			mu.Lock()
			started.Done()
			for !ready {
				cond.Wait()
			}
			mu.Unlock()
		}()
	}
	started.Wait()
	mu.Lock()
	ready = true
	cond.Broadcast()
	mu.Unlock()
	wg.Wait()
	fmt.Println("all woke")

	pool := sync.Pool{New: func() any { return new([64]byte) }}
	buf := pool.Get().(*[64]byte)
	pool.Put(buf)
	fmt.Println(len(buf))

	sem := make(chan struct{}, 2)
	results := make([]int, 5)
	for i := range 5 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			time.Sleep(time.Millisecond)
			results[i] = i * i
		}()
	}
	wg.Wait()
	fmt.Println(results)
	start := time.Now()
	time.Sleep(20 * time.Millisecond)
	el := time.Since(start)
	fmt.Println(el >= 20*time.Millisecond, el < time.Second)
	select {
	case v := <-make(chan int):
		fmt.Println(v)
	default:
		fmt.Println("default")
	}
	var m sync.Map
	m.Store("a", 1)
	v, loaded := m.LoadOrStore("a", 2)
	fmt.Println(v, loaded)
	m.Range(func(k, v any) bool { fmt.Println(k, v); return true })
	var mu2 sync.Mutex
	mu2.Unlock()
}
