package main

import (
	"fmt"
	"runtime"
	"strings"
	"sync"
	"time"
)

func main() {
	var mu sync.Mutex
	mu.Lock()
	var wg sync.WaitGroup
	wg.Add(1)
	var nilCh chan int
	go func() { time.Sleep(time.Hour) }()
	go func() { mu.Lock() }()
	go func() { wg.Wait() }()
	go func() { <-nilCh }()
	go func() { select {} }()
	reasons := []string{"[sleep]:", "[sync.Mutex.Lock]:", "[sync.WaitGroup.Wait]:", "[chan receive (nil chan)]:", "[select (no cases)]:"}
	buf := make([]byte, 1<<16)
	var dump string
	for {
		dump = string(buf[:runtime.Stack(buf, true)])
		all := true
		for _, r := range reasons {
			all = all && strings.Contains(dump, r)
		}
		if all {
			break
		}
		time.Sleep(time.Millisecond)
	}
	for _, r := range reasons {
		fmt.Println(r, strings.Count(dump, r))
	}
}
