package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	done := make(chan bool)
	wg.Add(1)
	go func() {
		wg.Done()
		wg.Done()
		done <- true
	}()
	<-done
	fmt.Println("unreachable")
}
