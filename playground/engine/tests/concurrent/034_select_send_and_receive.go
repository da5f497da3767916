package main

import "fmt"

func main() {
	in := make(chan int)
	out := make(chan int)
	go func() {
		for i := 1; i <= 3; i++ {
			in <- i
		}
		close(in)
	}()
	results := make(chan []int)
	go func() {
		var got []int
		for v := range out {
			got = append(got, v)
		}
		results <- got
	}()
	var pending []int
	for in != nil || len(pending) > 0 {
		var sendCh chan int
		var next int
		if len(pending) > 0 {
			sendCh = out
			next = pending[0]
		}
		select {
		case v, ok := <-in:
			if !ok {
				in = nil
				continue
			}
			pending = append(pending, v*v)
		case sendCh <- next:
			pending = pending[1:]
		}
	}
	close(out)
	fmt.Println(<-results)
}
