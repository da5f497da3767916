package main

import (
	"bytes"
	"fmt"
	"runtime/pprof"
	"strings"
	"sync"
)

func parked(ch chan int, wg *sync.WaitGroup) {
	wg.Done()
	<-ch
}

func main() {
	ch := make(chan int)
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go parked(ch, &wg)
	}
	wg.Wait()
	var buf bytes.Buffer
	// Wait until all four are parked in the profile.
	for {
		buf.Reset()
		pprof.Lookup("goroutine").WriteTo(&buf, 1)
		if strings.Contains(buf.String(), "\n4 @ ") {
			break
		}
	}
	s := buf.String()
	first := strings.SplitN(s, "\n", 2)[0]
	fmt.Println(first)
	fmt.Println("groups of 4:", strings.Count(s, "\n4 @ "))
	fmt.Println("names main.parked:", strings.Contains(s, "main.parked+0x"))
	fmt.Println(pprof.Lookup("goroutine").Count())
	close(ch)
}
