package main

import (
	"fmt"
	"iter"
	"sync"
)

func squares(n int) iter.Seq[int] {
	return func(yield func(int) bool) {
		for i := 1; i <= n; i++ {
			if !yield(i * i) {
				return
			}
		}
	}
}

// Each worker pulls from its own iterator and sends what it pulls; the
// pulls of one worker never mix with another's.
func main() {
	results := make([][]int, 3)
	var wg sync.WaitGroup
	for w := range 3 {
		wg.Go(func() {
			next, stop := iter.Pull(squares(w + 2))
			defer stop()
			for {
				v, ok := next()
				if !ok {
					return
				}
				results[w] = append(results[w], v)
			}
		})
	}
	wg.Wait()
	fmt.Println(results)

	// A pull handed between goroutines through a channel: one next at a
	// time, in turn.
	next, stop := iter.Pull(squares(4))
	turn := make(chan int)
	done := make(chan struct{})
	go func() {
		for who := range turn {
			v, ok := next()
			fmt.Println("goroutine", who, "pulled", v, ok)
		}
		close(done)
	}()
	for who := range 5 {
		turn <- who
	}
	close(turn)
	<-done
	stop()
}
