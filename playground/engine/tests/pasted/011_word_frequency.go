// Counting words with a map and printing the top ones, sorted.
package main

import (
	"bufio"
	"fmt"
	"sort"
	"strings"
)

const text = `the quick brown fox jumps over the lazy dog
the dog sleeps and the fox runs
a quick dog is a happy dog`

func main() {
	counts := map[string]int{}
	sc := bufio.NewScanner(strings.NewReader(text))
	sc.Split(bufio.ScanWords)
	for sc.Scan() {
		counts[strings.ToLower(sc.Text())]++
	}
	type kv struct {
		Word  string
		Count int
	}
	var list []kv
	for w, c := range counts {
		list = append(list, kv{w, c})
	}
	sort.Slice(list, func(i, j int) bool {
		if list[i].Count != list[j].Count {
			return list[i].Count > list[j].Count
		}
		return list[i].Word < list[j].Word
	})
	for _, e := range list[:5] {
		fmt.Printf("%-6s %d\n", e.Word, e.Count)
	}
}
