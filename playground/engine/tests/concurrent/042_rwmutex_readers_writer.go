package main

import (
	"fmt"
	"sync"
)

type Store struct {
	mu   sync.RWMutex
	data map[int]int
}

func (s *Store) Get(k int) (int, bool) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	v, ok := s.data[k]
	return v, ok
}

func (s *Store) Set(k, v int) {
	s.mu.Lock()
	s.data[k] = v
	s.mu.Unlock()
}

func main() {
	s := &Store{data: map[int]int{}}
	var wg sync.WaitGroup
	for w := 0; w < 4; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 25; i++ {
				s.Set(w*25+i, i)
			}
		}()
	}
	wg.Wait()
	var found sync.WaitGroup
	sums := make([]int, 4)
	for r := 0; r < 4; r++ {
		found.Add(1)
		go func() {
			defer found.Done()
			for k := 0; k < 100; k++ {
				if v, ok := s.Get(k); ok {
					sums[r] += v
				}
			}
		}()
	}
	found.Wait()
	fmt.Println(len(s.data), sums)
}
