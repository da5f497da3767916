package main

import (
	"fmt"
	"sync"
)

type Barrier struct {
	mu         sync.Mutex
	cond       *sync.Cond
	n, waiting int
	generation int
}

func NewBarrier(n int) *Barrier {
	b := &Barrier{n: n}
	b.cond = sync.NewCond(&b.mu)
	return b
}

func (b *Barrier) Wait() {
	b.mu.Lock()
	defer b.mu.Unlock()
	gen := b.generation
	b.waiting++
	if b.waiting == b.n {
		b.waiting = 0
		b.generation++
		b.cond.Broadcast()
		return
	}
	for gen == b.generation {
		b.cond.Wait()
	}
}

func main() {
	const workers = 4
	b := NewBarrier(workers)
	var mu sync.Mutex
	phaseCounts := make([]int, 3)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for phase := 0; phase < 3; phase++ {
				mu.Lock()
				phaseCounts[phase]++
				if phase > 0 && phaseCounts[phase-1] != workers {
					fmt.Println("barrier broken")
				}
				mu.Unlock()
				b.Wait()
			}
		}()
	}
	wg.Wait()
	fmt.Println(phaseCounts, "generations", b.generation)
}
