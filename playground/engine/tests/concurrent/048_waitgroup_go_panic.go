package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	fmt.Println("starting")
	wg.Go(func() {
		panic("task exploded")
	})
	wg.Wait()
	fmt.Println("unreachable")
}
