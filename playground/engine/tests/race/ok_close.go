package main

import "fmt"

func main() {
	var result []int
	done := make(chan struct{})
	go func() {
		result = append(result, 1, 2, 3)
		close(done)
	}()
	<-done
	fmt.Println(result)
}
