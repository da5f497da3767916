package main

import (
	"fmt"
	"os"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	parked := make(chan struct{})
	wg.Add(1)
	go func() {
		defer fmt.Println("worker defer: skipped")
		wg.Done()
		<-parked
	}()
	wg.Wait()
	defer fmt.Println("main defer: skipped")
	fmt.Fprintln(os.Stderr, "exiting with 4")
	os.Exit(4)
}
