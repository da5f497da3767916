// A pipeline of stages written once with type parameters.
package main

import (
	"fmt"
	"strings"
)

func generate[T any](items ...T) <-chan T {
	out := make(chan T)
	go func() {
		defer close(out)
		for _, it := range items {
			out <- it
		}
	}()
	return out
}

func mapStage[In, Out any](in <-chan In, f func(In) Out) <-chan Out {
	out := make(chan Out)
	go func() {
		defer close(out)
		for v := range in {
			out <- f(v)
		}
	}()
	return out
}

func collect[T any](in <-chan T) []T {
	var all []T
	for v := range in {
		all = append(all, v)
	}
	return all
}

func main() {
	words := generate("gopher", "channel", "select")
	upper := mapStage(words, strings.ToUpper)
	lengths := mapStage(upper, func(s string) string { return fmt.Sprintf("%s=%d", s, len(s)) })
	fmt.Println(collect(lengths))
}
