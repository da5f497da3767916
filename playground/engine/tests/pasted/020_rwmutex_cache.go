// A read-mostly cache behind a RWMutex, with a loader on a miss.
package main

import (
	"fmt"
	"strings"
	"sync"
)

type Cache struct {
	mu    sync.RWMutex
	data  map[string]string
	loads int
}

func (c *Cache) Get(key string) string {
	c.mu.RLock()
	v, ok := c.data[key]
	c.mu.RUnlock()
	if ok {
		return v
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if v, ok := c.data[key]; ok {
		return v
	}
	c.loads++
	v = strings.Repeat(key, 2)
	c.data[key] = v
	return v
}

func main() {
	c := &Cache{data: map[string]string{}}
	var wg sync.WaitGroup
	keys := []string{"a", "b", "a", "c", "b", "a", "c", "a"}
	out := make([]string, len(keys))
	for i, k := range keys {
		wg.Add(1)
		go func() {
			defer wg.Done()
			out[i] = c.Get(k)
		}()
	}
	wg.Wait()
	fmt.Println(out, "loads:", c.loads)
}
