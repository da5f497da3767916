package main

import (
	"bytes"
	"fmt"
	"runtime/pprof"
	"strings"
	"time"
)

func leak() {
	ch := make(chan int) // nobody else can reach ch
	go func() {
		ch <- 1
	}()
}

func main() {
	leak()
	time.Sleep(20 * time.Millisecond)
	p := pprof.Lookup("goroutineleak")
	fmt.Println("profile present:", p != nil)
	var buf bytes.Buffer
	if err := p.WriteTo(&buf, 1); err != nil {
		fmt.Println("error:", err)
	}
	s := buf.String()
	fmt.Println(strings.SplitN(s, "\n", 2)[0])
	fmt.Println("mentions main.leak.func1:", strings.Contains(s, "main.leak.func1"))
}
