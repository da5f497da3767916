package main

import (
	"fmt"
	"time"
)

func main() {
	go func() {
		defer func() {
			r := recover()
			panic(fmt.Sprintf("handler failed while handling %v", r))
		}()
		panic("first")
	}()
	time.Sleep(time.Second)
}
