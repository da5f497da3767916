package main

import (
	"fmt"
	"sync/atomic"
	"time"
)

var data int
var ready atomic.Bool

func main() {
	go func() {
		data = 42
		ready.Store(true)
	}()
	for !ready.Load() {
		time.Sleep(time.Microsecond)
	}
	fmt.Println(data)
}
