package main

import (
	"fmt"
	"time"
)

func child() {
	panic("grandchild failure")
}

func parent() {
	go child()
	time.Sleep(time.Second)
}

func main() {
	fmt.Println("main starts parent")
	go parent()
	time.Sleep(2 * time.Second)
}
