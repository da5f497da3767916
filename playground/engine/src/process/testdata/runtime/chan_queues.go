// Channel wait queues and the size check of make.
package main

import (
	"fmt"
	"time"
)

func main() {
	// Receivers parked on an unbuffered channel are served first come,
	// first served.
	c := make(chan int)
	got := make(chan string)
	for _, name := range []string{"r1", "r2", "r3"} {
		go func() {
			v := <-c
			got <- fmt.Sprint(name, "=", v)
		}()
		time.Sleep(time.Millisecond)
	}
	for i := 1; i <= 3; i++ {
		c <- i
		fmt.Println(<-got)
	}

	// A full buffer with parked senders: a receive takes the head and the
	// first parked sender's value goes to the tail.
	b := make(chan int, 2)
	b <- 1
	b <- 2
	for _, v := range []int{3, 4} {
		go func() { b <- v }()
		time.Sleep(time.Millisecond)
	}
	fmt.Println(len(b), cap(b))
	for range 4 {
		fmt.Print(<-b, " ")
	}
	fmt.Println(len(b))

	// make with a size out of range panics at run time.
	for _, n := range []int{-1, 1 << 62} {
		func() {
			defer func() { fmt.Println("recovered:", recover()) }()
			_ = make(chan int, n)
		}()
	}
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		_ = make(chan [1 << 10]byte, 1<<40)
	}()
}
