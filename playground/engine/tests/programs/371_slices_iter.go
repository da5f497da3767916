package main

import (
	"fmt"
	"slices"
	"strings"
)

type Person struct {
	Name string
	Age  int
}

func main() {
	words := []string{"pear", "fig", "apple", "kiwi", "banana"}
	for i, w := range slices.All(words) {
		fmt.Print(i, "=", w, " ")
	}
	fmt.Println()
	for i, w := range slices.Backward(words) {
		fmt.Print(i, "=", w, " ")
	}
	fmt.Println()
	for w := range slices.Values(words) {
		if len(w) > 4 {
			break
		}
		fmt.Print(w, " ")
	}
	fmt.Println()

	upper := slices.Collect(func(yield func(string) bool) {
		for _, w := range words {
			if !yield(strings.ToUpper(w)) {
				return
			}
		}
	})
	fmt.Println(upper, len(upper))
	fmt.Println(slices.Sorted(slices.Values(words)))
	nums := []int{5, 2, 8, 2, 9, 1}
	fmt.Println(slices.Sorted(slices.Values(nums)), nums)
	fmt.Println(slices.AppendSeq([]int{100}, slices.Values(nums)))
	byLen := slices.SortedFunc(slices.Values(words), func(a, b string) int { return len(a) - len(b) })
	fmt.Println(byLen)
	people := []Person{{"Ann", 30}, {"Bob", 25}, {"Cid", 30}, {"Dee", 25}}
	stable := slices.SortedStableFunc(slices.Values(people), func(a, b Person) int { return a.Age - b.Age })
	fmt.Println(stable)
	for c := range slices.Chunk(nums, 4) {
		fmt.Println("chunk", c, len(c), cap(c))
	}
	chunks := slices.Collect(slices.Chunk([]int{1, 2, 3, 4, 5}, 2))
	chunks[0] = append(chunks[0], 99)
	fmt.Println(chunks)
	var none []int
	fmt.Println(slices.Collect(slices.Values(none)) == nil)
	type Names []string
	names := Names{"b", "a"}
	fmt.Printf("%T\n", slices.AppendSeq(names, slices.Values([]string{"c"})))
	fmt.Println(slices.Index(words, "kiwi"), slices.Contains(words, "fig"))
	defer func() { fmt.Println("recovered:", recover()) }()
	slices.Chunk(nums, 0)
}
