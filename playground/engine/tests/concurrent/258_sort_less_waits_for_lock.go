// Comparison functions that block part-way through a sort: sort.Slice's
// less takes a mutex another goroutine holds, slices.SortFunc's cmp and
// sort.Sort's Less wait on a channel at their 40th call. Each sort parks
// inside the call, the other goroutine runs, and the sort goes on where
// it was: the swaps made before the wait are not made again, and every
// comparison runs once.
package main

import (
	"fmt"
	"slices"
	"sort"
	"sync"
	"time"
)

type byLen struct {
	s     []string
	calls *int
	gate  chan bool
}

func (b byLen) Len() int { return len(b.s) }
func (b byLen) Less(i, j int) bool {
	*b.calls++
	if *b.calls == 40 {
		<-b.gate
	}
	return len(b.s[i]) < len(b.s[j])
}
func (b byLen) Swap(i, j int) { b.s[i], b.s[j] = b.s[j], b.s[i] }

func main() {
	var mu sync.Mutex
	locked := make(chan bool)
	go func() {
		mu.Lock()
		locked <- true
		time.Sleep(100 * time.Millisecond)
		fmt.Println("holder unlocks")
		mu.Unlock()
	}()
	<-locked
	xs := []int{9, 3, 7, 1, 8, 2, 6, 4, 5, 0, 15, 11, 13, 12, 14, 10}
	calls := 0
	sort.Slice(xs, func(i, j int) bool {
		mu.Lock()
		defer mu.Unlock()
		calls++
		return xs[i] < xs[j]
	})
	fmt.Println(xs, calls > 0)

	gate := make(chan bool)
	go func() {
		time.Sleep(50 * time.Millisecond)
		fmt.Println("gate opens")
		gate <- true
		gate <- true
	}()
	ys := []int{20, 19, 18, 17, 16, 15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0, 21, 23, 22}
	n := 0
	slices.SortFunc(ys, func(a, b int) int {
		n++
		if n == 40 {
			<-gate
		}
		return a - b
	})
	fmt.Println(ys, n)

	words := []string{"ccc", "a", "dddd", "bb", "eeeee", "ffffff", "g", "hh", "iii", "jjjj", "kkkkk", "llllll", "mmmmmmm", "n", "oo", "ppp"}
	m := 0
	sort.Sort(byLen{words, &m, gate})
	fmt.Println(words, m)
}
