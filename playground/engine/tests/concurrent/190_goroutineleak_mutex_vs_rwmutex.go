// Go 1.27's goroutineleak profile reports RWMutex waits; a lone sync.Mutex (8 bytes, in a tiny block kept alive) is not reported.
package main

import (
	"bytes"
	"fmt"
	"runtime/pprof"
	"strings"
	"sync"
	"time"
)

func leakMutexSelf() {
	go func() {
		var mu sync.Mutex
		mu.Lock()
		mu.Lock()
	}()
}

func leakMutexHeldByOther() {
	var mu sync.Mutex
	mu.Lock()
	go func() { mu.Lock() }()
}

func leakRW() {
	var mu sync.RWMutex
	mu.Lock()
	go func() { mu.RLock() }()
}

func leakRWW() {
	var mu sync.RWMutex
	mu.RLock()
	go func() { mu.Lock() }()
}

func leakMutexPtr() {
	mu := &sync.Mutex{}
	mu.Lock()
	go func() { mu.Lock() }()
}

func main() {
	leakMutexSelf()
	leakMutexHeldByOther()
	leakRW()
	leakRWW()
	leakMutexPtr()
	time.Sleep(20 * time.Millisecond)
	var buf bytes.Buffer
	pprof.Lookup("goroutineleak").WriteTo(&buf, 2)
	s := buf.String()
	for _, l := range strings.Split(s, "\n") {
		if strings.HasPrefix(l, "goroutine ") || strings.HasPrefix(l, "main.") {
			fmt.Println(l)
		}
	}
}
