package main

import (
	"fmt"
	"os"
	"time"
)

func main() {
	defer fmt.Println("main's defer: skipped")
	go func() {
		defer fmt.Println("goroutine's defer: skipped")
		fmt.Println("worker calls os.Exit(3)")
		os.Exit(3)
	}()
	time.Sleep(time.Hour)
}
