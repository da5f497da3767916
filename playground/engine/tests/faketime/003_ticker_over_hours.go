// A ticker every 20 minutes, a deadline after one hour: the schedule of
// ticks and the context's error, in virtual time.
package main

import (
	"context"
	"fmt"
	"time"
)

func main() {
	ctx, cancel := context.WithTimeout(context.Background(), time.Hour+time.Minute)
	defer cancel()
	tick := time.NewTicker(20 * time.Minute)
	defer tick.Stop()
	n := 0
	for {
		select {
		case <-tick.C:
			n++
			fmt.Println("tick", n)
		case <-ctx.Done():
			fmt.Println("done after", n, "ticks:", ctx.Err())
			return
		}
	}
}
