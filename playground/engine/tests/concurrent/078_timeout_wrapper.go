package main

import (
	"errors"
	"fmt"
	"time"
)

var ErrTimeout = errors.New("operation timed out")

func withTimeout(d time.Duration, work func() int) (int, error) {
	result := make(chan int, 1) // buffered: a late worker does not leak
	go func() { result <- work() }()
	select {
	case v := <-result:
		return v, nil
	case <-time.After(d):
		return 0, ErrTimeout
	}
}

func main() {
	v, err := withTimeout(time.Second, func() int { return 7 })
	fmt.Println(v, err)
	v, err = withTimeout(10*time.Millisecond, func() int {
		time.Sleep(time.Second)
		return 8
	})
	fmt.Println(v, err, errors.Is(err, ErrTimeout))
}
