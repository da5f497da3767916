package main

import (
	"fmt"
	"os"
)

func main() {
	block := make(chan int)
	go func() {
		fmt.Println("clean exit from a goroutine")
		os.Exit(0)
	}()
	<-block
}
