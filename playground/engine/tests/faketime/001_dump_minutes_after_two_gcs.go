// A goroutine dump says how long a goroutine has been blocked only once a
// garbage collection saw it blocked and a later one stamped it: Go's
// waitsince comes from the previous cycle's start.
package main

import (
	"fmt"
	"runtime"
	"strings"
	"sync"
	"time"
)

func headers() {
	buf := make([]byte, 1<<15)
	n := runtime.Stack(buf, true)
	for _, line := range strings.Split(string(buf[:n]), "\n") {
		if strings.HasPrefix(line, "goroutine ") {
			fmt.Println(" ", line)
		}
	}
}

func main() {
	never := make(chan string)
	var mu sync.Mutex
	var wg sync.WaitGroup
	mu.Lock()
	wg.Add(1)
	go func() { fmt.Println(<-never) }()
	go func() { mu.Lock() }()
	go func() { wg.Wait() }()
	go func() { time.Sleep(24 * time.Hour) }()

	time.Sleep(3 * time.Minute)
	fmt.Println("after 3 minutes, no GC yet:")
	headers()

	runtime.GC()
	time.Sleep(4 * time.Minute)
	fmt.Println("one GC at minute 3, now minute 7:")
	headers()

	runtime.GC()
	time.Sleep(5 * time.Minute)
	fmt.Println("a second GC at minute 7, now minute 12:")
	headers()
}
