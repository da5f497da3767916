// Canceling a parent wakes the waiters on a child timeout context in the
// order they parked; a deadline wakes main and a goroutine.
package main

import (
	"context"
	"fmt"
	"sync"
	"time"
)

func main() {
	var wg sync.WaitGroup
	c0, cancel := context.WithCancel(context.Background())
	c1, _ := context.WithTimeout(c0, time.Hour)
	for _, label := range []string{"a", "b"} {
		wg.Add(1)
		go func() {
			<-c1.Done()
			fmt.Println(label, c1.Err(), context.Cause(c1))
			wg.Done()
		}()
		time.Sleep(time.Millisecond)
	}
	cancel()
	wg.Wait()
	c2, _ := context.WithTimeout(context.Background(), time.Millisecond)
	wg.Add(1)
	go func() {
		<-c2.Done()
		fmt.Println("x", c2.Err(), context.Cause(c2))
		wg.Done()
	}()
	<-c2.Done()
	fmt.Println("main", c2.Err(), context.Cause(c2))
	wg.Wait()
}
