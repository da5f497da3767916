// Two goroutines hand a value back and forth for ever: each hand-over is
// a few scheduler events, and the event budget stops it.
// run: event_budget=20000
package main

func main() {
	c := make(chan int)
	go func() {
		for {
			c <- 1
		}
	}()
	for {
		<-c
	}
}
