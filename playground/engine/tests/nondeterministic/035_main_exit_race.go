// Open: whether a goroutine main never waits for gets to print. Main
// prints, computes for 50µs and returns, which ends the program; the
// goroutine's line may come before main's, after it, or never (with one P:
// never, as main does not yield).
package main

import (
	"fmt"
	"time"
)

func main() {
	go fmt.Println("goroutine")
	fmt.Println("main")
	for start := time.Now(); time.Since(start) < 50*time.Microsecond; {
	}
}
