// A goroutine serving requests in a for-select loop until told to quit.
package main

import (
	"fmt"
	"time"
)

type request struct {
	n     int
	reply chan int
}

func server(reqs <-chan request, quit <-chan struct{}, done chan<- string) {
	served := 0
	for {
		select {
		case r := <-reqs:
			r.reply <- r.n * r.n
			served++
		case <-quit:
			done <- fmt.Sprintf("server stopping after %d requests", served)
			return
		}
	}
}

func main() {
	reqs := make(chan request)
	quit := make(chan struct{})
	done := make(chan string)
	go server(reqs, quit, done)
	for i := 1; i <= 4; i++ {
		r := request{n: i, reply: make(chan int)}
		reqs <- r
		fmt.Println(i, "->", <-r.reply)
	}
	close(quit)
	select {
	case msg := <-done:
		fmt.Println(msg)
	case <-time.After(time.Second):
		fmt.Println("server hung")
	}
}
