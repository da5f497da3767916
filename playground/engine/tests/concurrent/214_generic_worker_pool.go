// A generic worker pool: Pool[In, Out] runs n workers over a jobs channel
// and gathers results by index, so the order is the input's.
package main

import (
	"fmt"
	"strings"
	"sync"
)

type Result[T any] struct {
	Index int
	Value T
}

func Pool[In, Out any](n int, inputs []In, work func(In) Out) []Out {
	jobs := make(chan Result[In])
	results := make(chan Result[Out], len(inputs))
	var wg sync.WaitGroup
	for w := 0; w < n; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				results <- Result[Out]{j.Index, work(j.Value)}
			}
		}()
	}
	for i, in := range inputs {
		jobs <- Result[In]{i, in}
	}
	close(jobs)
	wg.Wait()
	close(results)
	out := make([]Out, len(inputs))
	for r := range results {
		out[r.Index] = r.Value
	}
	return out
}

type Counter[K comparable] struct {
	mu sync.Mutex
	m  map[K]int
}

func (c *Counter[K]) Inc(k K) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.m == nil {
		c.m = map[K]int{}
	}
	c.m[k]++
}

func main() {
	squares := Pool(3, []int{1, 2, 3, 4, 5}, func(x int) int { return x * x })
	fmt.Println(squares)
	upper := Pool(2, []string{"go", "gmp"}, strings.ToUpper)
	fmt.Println(upper)
	var c Counter[string]
	var wg sync.WaitGroup
	for _, w := range []string{"a", "b", "a", "c", "a"} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c.Inc(w)
		}()
	}
	wg.Wait()
	fmt.Println(c.m)
	fmt.Printf("%T\n", Result[[]string]{})
}
