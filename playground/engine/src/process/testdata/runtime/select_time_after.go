// A select on a channel and time.After: the first times out, the second
// receives; the program ends long before the second timer would fire.
package main

import (
	"fmt"
	"time"
)

func recvOrTimeout(c chan int, d time.Duration) {
	select {
	case v := <-c:
		fmt.Println("got", v)
	case <-time.After(d):
		fmt.Println("timeout")
	}
}

func main() {
	c := make(chan int)
	start := time.Now()
	go func() {
		time.Sleep(2 * time.Millisecond)
		c <- 1
	}()
	recvOrTimeout(c, time.Millisecond)
	recvOrTimeout(c, 10*time.Millisecond)
	fmt.Println(time.Since(start) < 10*time.Millisecond)
}
