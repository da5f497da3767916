package main

// A String method that runs long (300,000 iterations) is preempted partway
// and resumed: its result is the same, and other goroutines run meanwhile.

import (
	"fmt"
	"sort"
	"sync"
)

type Sum struct{ n int }

func (s Sum) String() string {
	t := 0
	for i := 0; i < 300000; i++ {
		t += i % (s.n + 1)
	}
	return fmt.Sprint("sum", s.n, "=", t)
}

func main() {
	var wg sync.WaitGroup
	var mu sync.Mutex
	lines := []string{}
	for i := 1; i <= 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s := fmt.Sprintf("%v %s", Sum{i}, []Sum{{i * 10}})
			mu.Lock()
			lines = append(lines, s)
			mu.Unlock()
		}()
	}
	wg.Wait()
	sort.Strings(lines)
	for _, l := range lines {
		fmt.Println(l)
	}
}
