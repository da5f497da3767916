package main

import "fmt"

func main() {
	const n = 3
	chans := make([]chan int, n)
	for i := range chans {
		chans[i] = make(chan int)
	}
	for i := 1; i < n; i++ {
		go func() {
			v := <-chans[i]
			chans[(i+1)%n] <- v + 1
		}()
	}
	// main waits on chans[0] before anyone sent into the ring.
	fmt.Println("ring built; main receives first")
	v := <-chans[0]
	chans[1] <- v
}
