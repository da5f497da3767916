package main

import (
	"fmt"
	"time"
)

func main() {
	burst := make(chan struct{}, 3)
	for range 3 {
		burst <- struct{}{}
	}
	go func() {
		for range time.Tick(100 * time.Millisecond) {
			burst <- struct{}{}
		}
	}()
	start := time.Now()
	var fast, slow int
	for i := 0; i < 5; i++ {
		<-burst
		if time.Since(start) < 80*time.Millisecond {
			fast++
		} else {
			slow++
		}
	}
	fmt.Println("immediate", fast, "throttled", slow)
}
