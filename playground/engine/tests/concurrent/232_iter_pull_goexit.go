package main

import (
	"fmt"
	"iter"
	"runtime"
)

// runtime.Goexit in a pulled iterator: Go's next exits its goroutine too.
func main() {
	done := make(chan bool)
	go func() {
		defer func() { fmt.Println("goroutine exits, recover:", recover()); done <- true }()
		next, _ := iter.Pull(func(yield func(int) bool) {
			yield(1)
			runtime.Goexit()
		})
		fmt.Println(next())
		fmt.Println(next())
		fmt.Println("not reached")
	}()
	<-done
}
