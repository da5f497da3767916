// Open: how many of three workers start after main cancels. Each checks
// ctx.Err() once when it starts; main cancels right after starting them,
// so 0 to 3 of them see the cancellation.
package main

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"
)

func main() {
	ctx, cancel := context.WithCancel(context.Background())
	var (
		saw atomic.Int32
		wg  sync.WaitGroup
	)
	for range 3 {
		wg.Go(func() {
			if ctx.Err() != nil {
				saw.Add(1)
			}
		})
	}
	cancel()
	wg.Wait()
	fmt.Println(saw.Load(), "of 3 saw the cancellation")
}
