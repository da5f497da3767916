package main
import (
	"fmt"
	"sync"
	"time"
)
func producer(out chan<- int) {
	v := <-out
	_ = v
}
func main() {
	var wg sync.WaitGroup
	wg.Add()
	go func() {
		defer wg.Done()
	}
	ch := make(chan int)
	go producer(ch)
	var ro <-chan int = ch
	close(ro)
	time.Sleep(100)
	time.Sleep(1.5)
	for v := range ro {
		fmt.Println(v)
	}
	f := func() int {
		if true {
			return 1
		}
	}
	_ = f
	var mu sync.Mutex
	mu.lock()
	select {
	case ch <- 1:
	}
}
