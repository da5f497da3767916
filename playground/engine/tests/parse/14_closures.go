package main

import (
	"fmt"
	"sort"
	"strings"
)

type byLen []string

func (s byLen) Len() int           { return len(s) }
func (s byLen) Less(i, j int) bool { return len(s[i]) < len(s[j]) }
func (s byLen) Swap(i, j int)      { s[i], s[j] = s[j], s[i] }

func main() {
	var funcs []func() int
	for i := 0; i < 3; i++ {
		funcs = append(funcs, func() int { return i * i })
	}
	for _, f := range funcs {
		fmt.Print(f(), " ")
	}
	fmt.Println()
	words := []string{"banana", "kiwi", "apple"}
	sort.Slice(words, func(i, j int) bool { return words[i] < words[j] })
	sort.Sort(byLen(words))
	var sb strings.Builder
	for i, w := range words {
		if i > 0 {
			sb.WriteString(", ")
		}
		sb.WriteString(w)
	}
	fmt.Println(sb.String())
	fib := func() func() int {
		a, b := 0, 1
		return func() int {
			a, b = b, a+b
			return a
		}
	}()
	fmt.Println(fib(), fib(), fib())
	var recur func(int) int
	recur = func(n int) int {
		if n <= 1 {
			return 1
		}
		return n * recur(n-1)
	}
	fmt.Println(recur(5))
}
