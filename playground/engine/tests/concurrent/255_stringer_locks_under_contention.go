// A SafeCounter whose String method locks the counter's mutex, printed
// while eight goroutines on four Ps increment it: fmt's call of String
// parks on the contended mutex inside fmt.Println, the other goroutines
// run, and Println prints once String returns.
package main

import (
	"fmt"
	"runtime"
	"strings"
	"sync"
)

type SafeCounter struct {
	mu sync.Mutex
	v  map[string]int
}

func (c *SafeCounter) Inc(key string) {
	c.mu.Lock()
	c.v[key]++
	c.mu.Unlock()
}

func (c *SafeCounter) String() string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return fmt.Sprintf("SafeCounter{somekey: %d}", c.v["somekey"])
}

func main() {
	runtime.GOMAXPROCS(4)
	c := SafeCounter{v: make(map[string]int)}
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < 500; j++ {
				c.Inc("somekey")
			}
		}()
	}
	seen := 0
	for i := 0; i < 20; i++ {
		s := fmt.Sprint(&c)
		if strings.HasPrefix(s, "SafeCounter{somekey: ") {
			seen++
		}
	}
	wg.Wait()
	fmt.Println("well-formed while counting:", seen)
	fmt.Println(&c)
	fmt.Printf("%v and %s\n", &c, &c)
}
