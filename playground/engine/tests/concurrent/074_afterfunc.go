package main

import (
	"fmt"
	"time"
)

func main() {
	done := make(chan string)
	time.AfterFunc(10*time.Millisecond, func() {
		done <- "AfterFunc ran in its own goroutine"
	})
	fmt.Println(<-done)
	t := time.AfterFunc(time.Hour, func() { fmt.Println("never") })
	fmt.Println("stopped:", t.Stop())
	fired := make(chan bool)
	t2 := time.AfterFunc(time.Hour, func() { fired <- true })
	t2.Reset(time.Millisecond)
	fmt.Println("reset fired:", <-fired)
	fmt.Println(t2.C == nil)
}
