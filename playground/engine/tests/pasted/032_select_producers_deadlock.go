package main

import (
	"fmt"
	"time"
)

func producer(id int, ch chan<- string, n int) {
	for i := 0; i < n; i++ {
		ch <- fmt.Sprintf("p%d-%d", id, i)
		time.Sleep(time.Duration(id) * time.Millisecond)
	}
}

func main() {
	ch := make(chan string)
	quit := make(chan bool)
	go producer(1, ch, 3)
	go producer(2, ch, 3)
	go func() {
		time.Sleep(100 * time.Millisecond)
		quit <- true
	}()
	count := 0
	timeout := time.After(50 * time.Millisecond)
	for {
		select {
		case msg := <-ch:
			count++
			_ = msg
		case <-timeout:
			fmt.Println("timeout after", count)
			timeout = nil
		case <-quit:
			fmt.Println("quit")
			results := make(chan int, 3)
			for i := 0; i < 3; i++ {
				go func(i int) { results <- i * 10 }(i)
			}
			sum := 0
			for i := 0; i < 3; i++ {
				sum += <-results
			}
			fmt.Println("sum", sum)
			var nilch chan int
			close(results)
			v, ok := <-results
			fmt.Println(v, ok, len(results), cap(results))
			go func() { nilch <- 1 }()
			ch2 := make(chan int)
			<-ch2
		}
	}
}
