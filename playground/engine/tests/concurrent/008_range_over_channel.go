package main

import "fmt"

func produce(n int) <-chan int {
	out := make(chan int)
	go func() {
		defer close(out)
		for i := 1; i <= n; i++ {
			out <- i
		}
	}()
	return out
}

func main() {
	sum := 0
	for v := range produce(10) {
		sum += v
		fmt.Print(v, " ")
	}
	fmt.Println()
	fmt.Println("sum", sum)
	count := 0
	for range produce(4) {
		count++
	}
	fmt.Println("count", count)
}
