package main

import (
	"fmt"
	"time"
)

var ready bool

func publish() {
	ready = true
}

func main() {
	go publish()
	time.Sleep(time.Millisecond)
	fmt.Println(ready)
}
