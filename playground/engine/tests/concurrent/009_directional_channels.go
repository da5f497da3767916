package main

import "fmt"

func sender(out chan<- int, n int) {
	for i := 0; i < n; i++ {
		out <- i
	}
	close(out)
}

func doubler(in <-chan int, out chan<- int) {
	for v := range in {
		out <- 2 * v
	}
	close(out)
}

func main() {
	a := make(chan int)
	b := make(chan int)
	go sender(a, 5)
	go doubler(a, b)
	var got []int
	for v := range b {
		got = append(got, v)
	}
	fmt.Println(got)
	fmt.Printf("%T %T\n", (<-chan int)(b), (chan<- int)(b))
}
