package main

import "fmt"

func main() {
	ch := make(chan int, 3)
	fmt.Println(len(ch), cap(ch))
	ch <- 10
	ch <- 20
	fmt.Println(len(ch), <-ch, len(ch))
	ch <- 30
	close(ch)
	v, ok := <-ch
	fmt.Println(v, ok)
	v, ok = <-ch
	fmt.Println(v, ok)
	v, ok = <-ch
	fmt.Println(v, ok)
	var recvOnly <-chan int = ch
	_, ok = <-recvOnly
	fmt.Println(ok)
	done := make(chan struct{}, 1)
	done <- struct{}{}
	select {
	case <-done:
		fmt.Println("got done")
	default:
		fmt.Println("not ready")
	}
	select {
	case x := <-done:
		fmt.Println("again", x)
	default:
		fmt.Println("empty now")
	}
	fmt.Printf("%T %T\n", ch, recvOnly)
}
