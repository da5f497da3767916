package main

import (
	"fmt"
	"sync"
	"time"
)

func producer(out chan<- int, n int) {
	defer close(out)
	for i := 0; i < n; i++ {
		out <- i
	}
}

func consumer(in <-chan int, done chan<- struct{}) {
	for v := range in {
		fmt.Println(v)
	}
	done <- struct{}{}
}

func main() {
	ch := make(chan int, 3)
	done := make(chan struct{})
	go producer(ch, 3)
	go consumer(ch, done)
	<-done
	var chans []chan<- <-chan int
	var cc chan (<-chan int)
	_, _ = chans, cc
	results := make(chan string)
	timeout := time.After(time.Second)
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		results <- "ok"
	}()
	select {
	case r := <-results:
		fmt.Println(r)
	case <-timeout:
		fmt.Println("timeout")
	}
	wg.Wait()
	quit := make(chan bool, 1)
	quit <- true
	select {
	case v, ok := <-quit:
		fmt.Println(v, ok)
	case results <- "never":
	default:
	}
	var x int
	sel := make(chan int, 1)
	sel <- 5
	select {
	case x = <-sel:
	}
	fmt.Println(x, <-ch == 0)
}
