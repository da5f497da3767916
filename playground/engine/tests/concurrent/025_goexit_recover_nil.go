package main

import (
	"fmt"
	"runtime"
)

func main() {
	done := make(chan struct{})
	go func() {
		defer close(done)
		defer func() {
			// Goexit is not a panic: recover returns nil.
			fmt.Println("recover:", recover())
		}()
		runtime.Goexit()
	}()
	<-done
	fmt.Println("done")
}
