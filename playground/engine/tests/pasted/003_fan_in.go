// Fan-in: merge several channels into one, close it when all are drained.
package main

import (
	"fmt"
	"sort"
	"sync"
)

func producer(name string, n int) <-chan string {
	ch := make(chan string)
	go func() {
		defer close(ch)
		for i := 0; i < n; i++ {
			ch <- fmt.Sprintf("%s-%d", name, i)
		}
	}()
	return ch
}

func merge[T any](cs ...<-chan T) <-chan T {
	var wg sync.WaitGroup
	out := make(chan T)
	wg.Add(len(cs))
	for _, c := range cs {
		go func(c <-chan T) {
			defer wg.Done()
			for v := range c {
				out <- v
			}
		}(c)
	}
	go func() {
		wg.Wait()
		close(out)
	}()
	return out
}

func main() {
	var got []string
	for v := range merge(producer("a", 3), producer("b", 2), producer("c", 4)) {
		got = append(got, v)
	}
	sort.Strings(got)
	fmt.Println(len(got), got)
}
