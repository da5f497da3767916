package main

import (
	"fmt"
	"os"
	"runtime"
	"time"
)

func main() {
	go func() {
		time.Sleep(20 * time.Millisecond)
		fmt.Println("worker ends the program")
		os.Exit(0)
	}()
	defer fmt.Println("main's defers run at Goexit")
	runtime.Goexit()
}
