// WaitGroup misuse: each worker calls wg.Add(1) itself, so Wait may see
// a zero counter before the workers have started. Then done closes, the
// caller stops reading, and every worker that had not sent yet blocks in
// chan send forever: leaked. The workers send a parameter (on their own
// stack), so nothing keeps the channel alive for them.
package main

import (
	"bytes"
	"fmt"
	"runtime/pprof"
	"strings"
	"sync"
	"time"
)

func collect() int {
	var wg sync.WaitGroup
	results := make(chan int)
	for i := 0; i < 2; i++ {
		go func(id int) {
			wg.Add(1) // should be before the go statement
			defer wg.Done()
			results <- id
		}(i)
	}
	done := make(chan struct{})
	go func() {
		wg.Wait()
		close(done)
	}()
	n := 0
	for {
		select {
		case <-results:
			n++
		case <-done:
			return n
		}
	}
}

func main() {
	fmt.Println("received", collect())
	time.Sleep(10 * time.Millisecond)
	var buf bytes.Buffer
	pprof.Lookup("goroutineleak").WriteTo(&buf, 1)
	fmt.Println(strings.SplitN(buf.String(), "\n", 2)[0])
}
