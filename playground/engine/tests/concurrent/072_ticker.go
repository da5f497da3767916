package main

import (
	"fmt"
	"time"
)

func main() {
	ticker := time.NewTicker(10 * time.Millisecond)
	defer ticker.Stop()
	start := time.Now()
	ticks := 0
	for range ticker.C {
		ticks++
		if ticks == 5 {
			break
		}
	}
	fmt.Println("ticks", ticks)
	fmt.Println("took at least 50ms:", time.Since(start) >= 50*time.Millisecond)
	ticker.Reset(time.Hour)
	select {
	case <-ticker.C:
		fmt.Println("tick")
	case <-time.After(30 * time.Millisecond):
		fmt.Println("no tick after reset to an hour")
	}
}
