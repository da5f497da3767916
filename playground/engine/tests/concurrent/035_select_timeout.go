package main

import (
	"fmt"
	"time"
)

func slow(d time.Duration) <-chan string {
	ch := make(chan string, 1)
	go func() {
		time.Sleep(d)
		ch <- "finished after " + d.String()
	}()
	return ch
}

func main() {
	select {
	case s := <-slow(10 * time.Millisecond):
		fmt.Println(s)
	case <-time.After(2 * time.Second):
		fmt.Println("timeout")
	}
	select {
	case s := <-slow(3 * time.Second):
		fmt.Println(s)
	case <-time.After(20 * time.Millisecond):
		fmt.Println("timeout")
	}
}
