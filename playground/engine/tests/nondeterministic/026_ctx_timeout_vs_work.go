// Open: whether 50µs of work finishes before a 50µs deadline. The worker
// checks ctx.Err() as it goes; with one P the deadline's timer cannot fire
// while it computes (nothing else runs), with more it can.
package main

import (
	"context"
	"fmt"
	"time"
)

func main() {
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Microsecond)
	defer cancel()
	result := make(chan error)
	go func() {
		for start := time.Now(); time.Since(start) < 50*time.Microsecond; {
			if ctx.Err() != nil {
				result <- ctx.Err()
				return
			}
		}
		result <- nil
	}()
	fmt.Println("worker:", <-result)
}
