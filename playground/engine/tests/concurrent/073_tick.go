package main

import (
	"fmt"
	"time"
)

func main() {
	tick := time.Tick(5 * time.Millisecond)
	n := 0
	for t := range tick {
		if t.IsZero() {
			fmt.Println("zero time?")
		}
		n++
		if n == 3 {
			break
		}
	}
	fmt.Println("ticked", n, "times")
	fmt.Println(time.Tick(0) == nil, time.Tick(-1) == nil)
}
