package main

import (
	"bytes"
	"fmt"
	"log"
	"os"
	"sync"
)

func main() {
	var buf bytes.Buffer
	var mu sync.Mutex
	logger := log.New(&buf, "worker: ", log.Lmsgprefix)
	var wg sync.WaitGroup
	order := make(chan int)
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for n := range order {
				mu.Lock()
				logger.Printf("item %d", n)
				mu.Unlock()
			}
		}()
	}
	for n := 1; n <= 3; n++ {
		order <- n
	}
	close(order)
	wg.Wait()
	lines := bytes.Count(buf.Bytes(), []byte("\n"))
	fmt.Println(lines, "lines logged")
	stderrLog := log.New(os.Stderr, "", 0)
	stderrLog.Println("to stderr")
	fmt.Println(logger.Flags() == log.Lmsgprefix, logger.Prefix())
}
