package main

import "fmt"

// An iterator that calls yield on another goroutine, one at a time.
func elsewhere(yield func(int) bool) {
	for i := range 3 {
		done := make(chan bool)
		go func() { done <- yield(i) }()
		if !<-done {
			return
		}
	}
}

func f() {
	defer fmt.Println("f's own defer")
	for x := range elsewhere {
		defer fmt.Println("deferred in body", x)
		if x == 1 {
			break
		}
	}
	fmt.Println("f returns")
}

func main() {
	total := 0
	for x := range elsewhere {
		total += x
	}
	fmt.Println(total)
	f()
}
