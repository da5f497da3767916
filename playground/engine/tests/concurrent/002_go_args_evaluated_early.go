package main

import (
	"fmt"
	"sync"
)

func show(label string, n int, wg *sync.WaitGroup) {
	defer wg.Done()
	fmt.Println(label, n)
}

func main() {
	var wg sync.WaitGroup
	x := 1
	wg.Add(1)
	// The arguments are evaluated now, in main, not when the goroutine runs.
	go show("x was", x, &wg)
	x = 100
	wg.Wait()
	fmt.Println("x is", x)
}
