package main

import (
	"fmt"
	"runtime"
)

func main() {
	block := make(chan int)
	for i := 0; i < 3; i++ {
		go func() {
			<-block
			fmt.Println("never printed")
		}()
	}
	for runtime.NumGoroutine() < 4 {
		runtime.Gosched()
	}
	// Returning from main ends the program; the blocked goroutines vanish
	// without a word.
	fmt.Println("main returns with", runtime.NumGoroutine()-1, "goroutines blocked")
}
