package main

import (
	"fmt"
	"sync"
)

func worker(id int, wg sync.WaitGroup) { // bug: the WaitGroup is copied
	defer wg.Done()
	fmt.Println("worker", id, "done")
}

func main() {
	var wg sync.WaitGroup
	wg.Add(1)
	done := make(chan bool)
	go func() {
		worker(1, wg)
		done <- true
	}()
	<-done
	wg.Wait()
}
