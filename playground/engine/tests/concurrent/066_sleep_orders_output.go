package main

import (
	"fmt"
	"time"
)

func main() {
	done := make(chan bool)
	for _, ms := range []int{250, 50, 150} {
		go func() {
			time.Sleep(time.Duration(ms) * time.Millisecond)
			fmt.Println("slept", ms, "ms")
			done <- true
		}()
	}
	for range 3 {
		<-done
	}
}
