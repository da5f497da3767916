package main

import "fmt"

func count(to int) {
	for i := 1; i <= to; i++ {
		fmt.Println(i)
	}
}

func main() {
	// Run count(3) in a new goroutine and make main wait until it is done.
	count(3)
}
