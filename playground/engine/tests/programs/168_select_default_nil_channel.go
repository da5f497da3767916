package main

import "fmt"

func tryRecv(ch chan int) string {
	select {
	case v, ok := <-ch:
		return fmt.Sprint("got ", v, " ", ok)
	default:
		return "would block"
	}
}

func trySend(ch chan int, v int) bool {
	select {
	case ch <- v:
		return true
	default:
		return false
	}
}

func main() {
	var nilCh chan int
	fmt.Println(tryRecv(nilCh), trySend(nilCh, 1))
	ch := make(chan int, 1)
	fmt.Println(trySend(ch, 1), trySend(ch, 2))
	fmt.Println(tryRecv(ch), tryRecv(ch))
	close(ch)
	fmt.Println(tryRecv(ch))
}
