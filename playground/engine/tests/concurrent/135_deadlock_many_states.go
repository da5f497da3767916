package main

import (
	"fmt"
	"runtime"
	"sync"
)

func main() {
	var mu sync.Mutex
	var wg sync.WaitGroup
	cond := sync.NewCond(&sync.Mutex{})
	recvCh := make(chan int)
	sendCh := make(chan int)
	var nilCh chan int
	mu.Lock()
	wg.Add(1)
	go func() { <-recvCh }()
	go func() { sendCh <- 1 }()
	go func() {
		select {
		case <-recvCh:
		case sendCh <- 2:
		}
	}()
	go func() { mu.Lock() }()
	go func() { wg.Wait() }()
	go func() {
		cond.L.Lock()
		cond.Wait()
	}()
	go func() { <-nilCh }()
	for runtime.NumGoroutine() < 8 {
		runtime.Gosched()
	}
	fmt.Println("everyone is about to block")
	select {}
}
