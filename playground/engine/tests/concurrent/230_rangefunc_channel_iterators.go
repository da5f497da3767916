package main

import (
	"fmt"
	"iter"
	"sync"
)

// Receive turns a channel into an iterator; stopping early tells the
// producer through done, so no goroutine is left blocked.
func Receive[T any](ch <-chan T, done chan<- struct{}) iter.Seq[T] {
	return func(yield func(T) bool) {
		defer close(done)
		for v := range ch {
			if !yield(v) {
				return
			}
		}
	}
}

func produce(n int, done <-chan struct{}) <-chan int {
	ch := make(chan int)
	go func() {
		defer close(ch)
		for i := 1; i <= n; i++ {
			select {
			case ch <- i:
			case <-done:
				return
			}
		}
	}()
	return ch
}

func main() {
	done := make(chan struct{})
	ch := produce(10, done)
	for v := range Receive(ch, done) {
		fmt.Println("received", v)
		if v == 3 {
			break
		}
	}
	<-done
	for range ch {
	}
	fmt.Println("producer finished")

	// The body starts goroutines; each result comes back in order.
	done2 := make(chan struct{})
	var wg sync.WaitGroup
	results := make([]int, 5)
	for v := range Receive(produce(5, done2), done2) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results[v-1] = v * v
		}()
	}
	wg.Wait()
	fmt.Println(results)

	// A mutex held across a loop whose iterator yields under it.
	var mu sync.Mutex
	shared := []string{"a", "b", "c"}
	locked := func(yield func(string) bool) {
		mu.Lock()
		defer mu.Unlock()
		for _, s := range shared {
			if !yield(s) {
				return
			}
		}
	}
	for s := range locked {
		fmt.Print(s)
	}
	fmt.Println()
	mu.Lock()
	fmt.Println("lock free again")
	mu.Unlock()
}
