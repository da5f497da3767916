package main

import (
	"errors"
	"fmt"
)

func lines(text []string, errc chan<- error) <-chan string {
	out := make(chan string)
	go func() {
		defer close(out)
		for i, t := range text {
			if t == "" {
				errc <- fmt.Errorf("line %d: %w", i+1, errors.New("empty"))
				return
			}
			out <- t
		}
		errc <- nil
	}()
	return out
}

func main() {
	errc := make(chan error, 1)
	for l := range lines([]string{"alpha", "beta", "", "delta"}, errc) {
		fmt.Println("line:", l)
	}
	fmt.Println("error:", <-errc)
}
