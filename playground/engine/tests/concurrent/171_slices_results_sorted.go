package main

import (
	"fmt"
	"slices"
	"strings"
	"sync"
)

// Workers finish in any order; slices puts their results in a stable order.
func main() {
	var mu sync.Mutex
	var wg sync.WaitGroup
	var lengths []int
	var names []string
	for _, w := range []string{"delta", "alpha", "echo", "charlie", "bravo"} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mu.Lock()
			defer mu.Unlock()
			lengths = append(lengths, len(w))
			names = append(names, strings.ToUpper(w))
		}()
	}
	wg.Wait()
	slices.Sort(lengths)
	slices.Sort(names)
	fmt.Println(lengths, names)
	fmt.Println(slices.Max(lengths), slices.Min(lengths), slices.Contains(names, "ECHO"), slices.Index(names, "BRAVO"))
	uniq := slices.Compact(slices.Clone(lengths))
	fmt.Println(uniq, lengths)
	i, found := slices.BinarySearch(names, "CHARLIE")
	fmt.Println(i, found)
	slices.SortFunc(names, func(a, b string) int { return len(b) - len(a) })
	fmt.Println(names, slices.IsSorted(lengths))
	slices.Reverse(lengths)
	fmt.Println(lengths, slices.Equal(lengths, []int{7, 5, 5, 5, 4}))
	fmt.Println(slices.Delete(slices.Clone(names), 1, 3), slices.Insert([]int{1, 4}, 1, 2, 3))
	fmt.Println(slices.IndexFunc(names, func(s string) bool { return strings.HasSuffix(s, "O") }))
}
