package main

import (
	"fmt"
	"runtime"
)

func main() {
	done := make(chan string)
	go func() {
		defer func() {
			r := recover()
			_, isErr := r.(*runtime.PanicNilError)
			done <- fmt.Sprintf("%v (PanicNilError: %v)", r, isErr)
		}()
		panic(nil)
	}()
	fmt.Println(<-done)
	never := make(chan int)
	go func() {
		panic(nil)
	}()
	<-never
}
