package main

import (
	"fmt"
	"time"
)

func main() {
	fmt.Println("arming")
	time.AfterFunc(time.Millisecond, func() {
		panic("timer callback failed")
	})
	time.Sleep(time.Second)
}
