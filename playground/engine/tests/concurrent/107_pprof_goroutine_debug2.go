package main

import (
	"bytes"
	"fmt"
	"runtime"
	"runtime/pprof"
	"strings"
	"sync"
)

func main() {
	var mu sync.Mutex
	ch := make(chan int)
	mu.Lock()
	var started sync.WaitGroup
	started.Add(2)
	go func() { started.Done(); mu.Lock() }()
	go func() { started.Done(); ch <- 1 }()
	started.Wait()
	var buf bytes.Buffer
	for i := 0; ; i++ {
		buf.Reset()
		pprof.Lookup("goroutine").WriteTo(&buf, 2)
		s := buf.String()
		if strings.Contains(s, "[sync.Mutex.Lock]") && strings.Contains(s, "[chan send]") {
			break
		}
		runtime.Gosched()
	}
	s := buf.String()
	fmt.Println(strings.HasPrefix(s, "goroutine 1 [running]:"))
	fmt.Println("headers:", strings.Count(s, "\ngoroutine "))
	fmt.Println("created by main.main:", strings.Count(s, "created by main.main in goroutine 1"))
	fmt.Println("mutex:", strings.Contains(s, "[sync.Mutex.Lock]:"), "send:", strings.Contains(s, "[chan send]:"))
	mu.Unlock()
	<-ch
}
