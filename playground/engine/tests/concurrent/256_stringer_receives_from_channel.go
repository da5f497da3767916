// A String method that receives from a channel another goroutine sends
// on: fmt.Println waits inside each call of String for the next value,
// the sender runs meanwhile, and the line prints the three values in order.
package main

import "fmt"

type Feed struct{ ch chan int }

func (f Feed) String() string {
	return fmt.Sprintf("<%d>", <-f.ch)
}

type Box struct{ ch chan int }

// A select with a default needs the scheduler too, even when it does not
// block.
func (b Box) String() string {
	select {
	case v := <-b.ch:
		return fmt.Sprint("got ", v)
	default:
		return "empty"
	}
}

func main() {
	f := Feed{make(chan int)}
	go func() {
		for i := 1; i <= 3; i++ {
			f.ch <- i * 10
		}
	}()
	fmt.Println(f, f, f)
	b := Box{make(chan int, 1)}
	b.ch <- 7
	fmt.Println(b, b)
	b.ch <- 8
	fmt.Printf("%v|%s\n", b, b)
}
