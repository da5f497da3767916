package main

import (
	"fmt"
	"time"
)

func main() {
	events := make(chan string)
	done := make(chan struct{})
	go func() {
		events <- "a"
		time.Sleep(60 * time.Millisecond)
		events <- "b"
		close(done)
	}()
	var got []string
	timeouts := 0
	for {
		select {
		case e := <-events:
			got = append(got, e)
		case <-time.After(25 * time.Millisecond):
			timeouts++
		case <-done:
			fmt.Println("events", got, "saw timeouts:", timeouts >= 1)
			return
		}
	}
}
