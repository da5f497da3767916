// A goroutine that panics takes the whole program down, deferred calls
// of main and all.
package main

import (
	"fmt"
	"time"
)

type Order struct{ Items []string }

func process(o *Order) {
	fmt.Println("processing", len(o.Items), "items")
}

func main() {
	defer fmt.Println("main's defer never runs")
	orders := []*Order{{Items: []string{"a"}}, nil}
	for _, o := range orders {
		go process(o)
	}
	time.Sleep(100 * time.Millisecond)
	fmt.Println("unreachable")
}
