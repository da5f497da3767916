// How a parked select is woken: through one of its channels, or by close.
package main

import (
	"fmt"
	"time"
)

func main() {
	// A parked select woken through one channel leaves the others: a
	// later non-blocking send on them finds no receiver.
	a, b := make(chan int), make(chan int)
	done := make(chan bool)
	go func() {
		select {
		case v := <-a:
			fmt.Println("received", v)
		case b <- 77:
			fmt.Println("sent on b")
		}
		done <- true
	}()
	time.Sleep(time.Millisecond)
	fmt.Println("got", <-b)
	<-done
	select {
	case a <- 1:
		fmt.Println("someone still waits on a")
	default:
		fmt.Println("nobody waits on a")
	}

	// A select parked with a receive and a send on the same channel:
	// close wakes it through the receive case.
	c := make(chan int)
	go func() {
		select {
		case v, ok := <-c:
			fmt.Println("receive case", v, ok)
		case c <- 3:
			fmt.Println("send case")
		}
		done <- true
	}()
	time.Sleep(time.Millisecond)
	close(c)
	<-done

	// A select parked on a send is woken by close with Go's panic.
	d := make(chan int)
	go func() {
		defer func() {
			fmt.Println("recovered:", recover())
			done <- true
		}()
		select {
		case d <- 1:
			fmt.Println("sent")
		case <-(chan int)(nil):
		}
	}()
	time.Sleep(time.Millisecond)
	close(d)
	<-done
}
