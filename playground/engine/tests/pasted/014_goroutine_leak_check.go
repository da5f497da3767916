// The leak people find with runtime.NumGoroutine: a sender nobody reads.
package main

import (
	"fmt"
	"runtime"
	"time"
)

func search(query string) string {
	ch := make(chan string)
	for _, backend := range []string{"a", "b", "c"} {
		go func() {
			time.Sleep(time.Millisecond)
			ch <- backend + ":" + query
		}()
	}
	return <-ch
}

func main() {
	before := runtime.NumGoroutine()
	r := search("gopher")
	time.Sleep(10 * time.Millisecond)
	fmt.Println("result has a backend:", len(r) > 0)
	fmt.Println("goroutines leaked:", runtime.NumGoroutine()-before)
}
