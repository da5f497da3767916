package main

import (
	"fmt"
	"runtime"
)

func main() {
	defer fmt.Println("deferred in main runs")
	done := make(chan bool)
	go func() {
		fmt.Println("worker finished")
		done <- true
	}()
	<-done
	runtime.Goexit()
}
