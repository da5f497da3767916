package main

import (
	"fmt"
	"time"
)

type Counter struct{ n int }

func seq(yield func(int) bool) {
	for i := range 4 {
		if !yield(i) {
			return
		}
	}
}

func (c Counter) Sum() int {
	for x := range seq {
		c.n += x
	}
	return c.n
}

func main() {
	c := Counter{10}
	fmt.Println(c.Sum(), c.n)
	for x := range seq {
		if x == 2 {
			go func() {
				panic(fmt.Sprint("in goroutine from body ", x))
			}()
			time.Sleep(time.Second)
		}
	}
}
