// Workers that lost their reader stay blocked for hours; the goroutine
// profile shows them with the minutes Go has counted.
package main

import (
	"bytes"
	"fmt"
	"runtime"
	"runtime/pprof"
	"strings"
	"time"
)

func search(query string) string {
	answers := make(chan string)
	for i := 0; i < 3; i++ {
		go func(replica int) {
			time.Sleep(time.Duration(replica+1) * time.Second)
			answers <- fmt.Sprintf("%s from replica %d", query, replica)
		}(i)
	}
	return <-answers
}

func main() {
	fmt.Println(search("gopher"))
	runtime.GC()
	time.Sleep(2 * time.Hour)
	runtime.GC()
	time.Sleep(30 * time.Minute)
	var buf bytes.Buffer
	pprof.Lookup("goroutine").WriteTo(&buf, 2)
	for _, line := range strings.Split(buf.String(), "\n") {
		if strings.HasPrefix(line, "goroutine ") {
			fmt.Println(line)
		}
	}
	fmt.Println("goroutines:", runtime.NumGoroutine())
}
