package main

import (
	"fmt"
	"time"
)

func main() {
	start := time.Now()
	t := <-time.After(20 * time.Millisecond)
	fmt.Println("fired after start:", t.After(start))
	fmt.Println("waited 20ms:", time.Since(start) >= 20*time.Millisecond)
	ch := make(chan int)
	go func() {
		time.Sleep(5 * time.Millisecond)
		ch <- 1
	}()
	for i := 0; i < 2; i++ {
		select {
		case v := <-ch:
			fmt.Println("value", v)
		case <-time.After(time.Second):
			fmt.Println("timed out")
		}
	}
}
