// Open: the order in which a canceled context cancels its children. Go
// ranges over the parent's children map, whose order is random: with one
// P the AfterFunc goroutines start in that order and the last one started
// runs first, so 2 0 1 (children canceled 0, 1, 2) is most common, then
// 1 2 0 and 0 1 2. With more Ps the three goroutines print in any order.
package main

import (
	"context"
	"fmt"
	"time"
)

func main() {
	parent, cancel := context.WithCancel(context.Background())
	for i := range 3 {
		child, _ := context.WithCancel(parent)
		context.AfterFunc(child, func() { fmt.Print(i, " ") })
	}
	cancel()
	time.Sleep(10 * time.Millisecond)
	fmt.Println()
}
