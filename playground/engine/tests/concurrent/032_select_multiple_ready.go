package main

import "fmt"

func main() {
	a := make(chan string, 10)
	b := make(chan string, 10)
	for i := 0; i < 5; i++ {
		a <- "a"
		b <- "b"
	}
	counts := map[string]int{}
	// Both cases are ready every time; which one runs is random, but the
	// totals are not.
	for i := 0; i < 10; i++ {
		select {
		case s := <-a:
			counts[s]++
		case s := <-b:
			counts[s]++
		}
	}
	fmt.Println(counts)
	fmt.Println(len(a), len(b))
}
