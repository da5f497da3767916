// Open: which goroutine stores the key first, and the order of the prints.
// The first LoadOrStore stores its value; the second loads it.
package main

import (
	"fmt"
	"sync"
)

func main() {
	var (
		m  sync.Map
		wg sync.WaitGroup
	)
	for _, s := range []string{"a", "b"} {
		wg.Go(func() {
			v, loaded := m.LoadOrStore("key", s)
			if loaded {
				fmt.Println(s, "loaded", v)
			} else {
				fmt.Println(s, "stored")
			}
		})
	}
	wg.Wait()
}
