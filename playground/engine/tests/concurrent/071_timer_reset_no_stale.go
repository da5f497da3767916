package main

import (
	"fmt"
	"time"
)

func main() {
	t := time.NewTimer(5 * time.Millisecond)
	time.Sleep(30 * time.Millisecond)
	// Since Go 1.23 timer channels are unbuffered: Reset discards the
	// expired value, so the next receive waits for the new deadline.
	t.Reset(40 * time.Millisecond)
	start := time.Now()
	<-t.C
	fmt.Println("waited for the new deadline:", time.Since(start) >= 30*time.Millisecond)
}
