// A generic fan-in: Merge[T] copies every input channel to one output,
// and closes it when all inputs are done; Generate[T] feeds a channel
// from values until the context is cancelled.
package main

import (
	"context"
	"fmt"
	"sort"
	"sync"
)

func Generate[T any](ctx context.Context, vals ...T) <-chan T {
	out := make(chan T)
	go func() {
		defer close(out)
		for _, v := range vals {
			select {
			case out <- v:
			case <-ctx.Done():
				return
			}
		}
	}()
	return out
}

func Merge[T any](cs ...<-chan T) <-chan T {
	out := make(chan T)
	var wg sync.WaitGroup
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

func Collect[T any](c <-chan T) []T {
	var out []T
	for v := range c {
		out = append(out, v)
	}
	return out
}

func main() {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	nums := Collect(Merge(Generate(ctx, 1, 2, 3), Generate(ctx, 10, 20)))
	sort.Ints(nums)
	fmt.Println(nums)
	words := Collect(Merge(Generate(ctx, "a", "b"), Generate(ctx, "c")))
	sort.Strings(words)
	fmt.Println(words)
	fmt.Printf("%T\n", Merge[float64]())
}
