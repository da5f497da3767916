package main

import (
	"bytes"
	"fmt"
	"runtime/pprof"
	"strings"
	"sync"
	"time"
)

// Each helper strands one goroutine on something only it can reach.
func leakSend() {
	ch := make(chan int)
	go func() { ch <- 1 }()
}

func leakRecv() {
	ch := make(chan int)
	go func() { <-ch }()
}

func leakWaitGroup() {
	var wg sync.WaitGroup
	wg.Add(1)
	go func() { wg.Wait() }()
}

func leakMutex() {
	var mu sync.Mutex
	mu.Lock()
	go func() { mu.Lock() }()
}

func leakCond() {
	c := sync.NewCond(&sync.Mutex{})
	go func() {
		c.L.Lock()
		c.Wait()
	}()
}

func main() {
	leakSend()
	leakRecv()
	leakWaitGroup()
	leakMutex()
	leakCond()
	time.Sleep(20 * time.Millisecond)
	var buf bytes.Buffer
	pprof.Lookup("goroutineleak").WriteTo(&buf, 2)
	s := buf.String()
	fmt.Println("leaked headers:", strings.Count(s, " (leaked)]:"))
	for _, reason := range []string{"chan send", "chan receive", "sync.WaitGroup.Wait", "sync.Mutex.Lock", "sync.Cond.Wait"} {
		fmt.Printf("%-20s blocked:%v leaked:%v\n", reason,
			strings.Contains(s, "["+reason+"]:") || strings.Contains(s, "["+reason+" (leaked)]:"),
			strings.Contains(s, "["+reason+" (leaked)]:"))
	}
	buf.Reset()
	pprof.Lookup("goroutine").WriteTo(&buf, 2)
	fmt.Println("goroutine profile now marks leaks too:", strings.Count(buf.String(), " (leaked)]:"))
}
