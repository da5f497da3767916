package main

import "fmt"

func main() {
	q := make(chan int, 100)
	done := make(chan []int)
	go func() {
		var got []int
		for v := range q {
			got = append(got, v)
		}
		done <- got
	}()
	for i := 0; i < 20; i++ {
		q <- i * 3
	}
	close(q)
	got := <-done
	inOrder := true
	for i := 1; i < len(got); i++ {
		inOrder = inOrder && got[i] > got[i-1]
	}
	fmt.Println(len(got), inOrder, got[:5])
}
