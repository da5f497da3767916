package main

import (
	"errors"
	"fmt"
	"sync"
)

func worker(id int, wg *sync.WaitGroup, errs chan<- error) {
	defer wg.Done()
	defer func() {
		if r := recover(); r != nil {
			errs <- fmt.Errorf("worker %d: %v", id, r)
		}
	}()
	if id == 2 {
		panic(errors.New("bad input"))
	}
	if id == 3 {
		var m map[string]int
		m["x"] = 1
	}
}

func main() {
	var wg sync.WaitGroup
	errs := make(chan error, 4)
	for i := 1; i <= 4; i++ {
		wg.Add(1)
		go worker(i, &wg, errs)
	}
	wg.Wait()
	close(errs)
	n := 0
	for err := range errs {
		n++
		_ = err
	}
	fmt.Println("errors:", n)
	defer func() {
		r := recover()
		fmt.Println("main recovered:", r)
		panic(fmt.Sprint("again: ", r))
	}()
	panic("first")
}
