// Long timers are no deadlock: Go waits for them. Once the last one has
// fired and everyone is blocked, the runtime reports the deadlock.
package main

import (
	"fmt"
	"runtime"
	"time"
)

func main() {
	results := make(chan string)
	go func() {
		time.Sleep(45 * time.Minute)
		results <- "report ready"
	}()
	fmt.Println(<-results)
	runtime.GC()
	timeout := time.After(time.Hour)
	<-timeout
	fmt.Println("an hour later")
	runtime.GC()
	<-results
}
