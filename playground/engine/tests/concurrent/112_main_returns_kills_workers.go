package main

import (
	"fmt"
	"time"
)

func main() {
	go func() {
		defer fmt.Println("deferred in worker: never printed")
		time.Sleep(time.Hour)
	}()
	go func() {
		for {
			time.Sleep(time.Millisecond)
		}
	}()
	time.Sleep(10 * time.Millisecond)
	fmt.Println("bye")
}
