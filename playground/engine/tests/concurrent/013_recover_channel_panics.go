package main

import "fmt"

func try(name string, f func()) {
	defer func() {
		r := recover()
		fmt.Printf("%s: %v\n", name, r)
		if e, ok := r.(error); ok {
			fmt.Println("  is error:", e.Error())
		}
	}()
	f()
}

func main() {
	try("send on closed", func() {
		c := make(chan int, 5)
		close(c)
		c <- 1
	})
	try("close nil", func() {
		var c chan string
		close(c)
	})
	try("close closed", func() {
		c := make(chan struct{})
		close(c)
		close(c)
	})
	try("receive closed", func() {
		c := make(chan int)
		close(c)
		fmt.Println("  received", <-c)
	})
}
