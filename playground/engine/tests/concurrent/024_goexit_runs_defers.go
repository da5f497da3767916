package main

import (
	"fmt"
	"runtime"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		defer fmt.Println("defer 1")
		func() {
			defer fmt.Println("defer 2 (inner)")
			runtime.Goexit()
			fmt.Println("not reached")
		}()
		fmt.Println("not reached either")
	}()
	wg.Wait()
	fmt.Println("main continues")
}
