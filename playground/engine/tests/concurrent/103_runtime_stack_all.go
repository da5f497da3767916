package main

import (
	"fmt"
	"runtime"
	"strings"
	"sync"
)

func main() {
	block := make(chan int)
	var ready sync.WaitGroup
	for i := 0; i < 3; i++ {
		ready.Add(1)
		go func() {
			ready.Done()
			<-block
		}()
	}
	ready.Wait()
	for runtime.NumGoroutine() < 4 {
		runtime.Gosched()
	}
	// Let them park on the channel.
	for i := 0; i < 100; i++ {
		runtime.Gosched()
	}
	buf := make([]byte, 1<<16)
	n := runtime.Stack(buf, true)
	dump := string(buf[:n])
	headers := 0
	for _, line := range strings.Split(dump, "\n") {
		if strings.HasPrefix(line, "goroutine ") {
			headers++
		}
	}
	fmt.Println("headers:", headers, "created by main.main:", strings.Count(dump, "created by main.main in goroutine 1"))
	fmt.Println("running main:", strings.HasPrefix(dump, "goroutine 1 [running]:"))
	fmt.Println("chan receive:", strings.Count(dump, "[chan receive]:"))
	fmt.Println("mentions main.main.func1:", strings.Contains(dump, "main.main.func1()"))
	n = runtime.Stack(buf, false)
	one := string(buf[:n])
	fmt.Println("only self:", strings.Count(one, "goroutine "), strings.Contains(one, "main.main()"))
	close(block)
}
