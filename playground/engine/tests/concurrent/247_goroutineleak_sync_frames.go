// The goroutineleak profile of goroutines stuck in each sync wait, with
// the frames of Go's sync package above the program's: debug=2 (a
// goroutine dump) and debug=1 (records of pcs). Addresses, arguments and
// the directories of files are left out.
package main

import (
	"bytes"
	"fmt"
	"runtime/pprof"
	"strings"
	"sync"
	"time"
)

type account struct {
	mu      sync.Mutex
	balance int
}

func main() {
	a := &account{}
	a.mu.Lock()
	go func() { a.mu.Lock() }()
	rw := &sync.RWMutex{}
	rw.Lock()
	go func() { rw.RLock() }()
	rw2 := &sync.RWMutex{}
	rw2.RLock()
	go func() { rw2.Lock() }()
	time.Sleep(time.Millisecond)
	go func() { rw2.Lock() }()
	var wg sync.WaitGroup
	wg.Add(1)
	go func() { wg.Wait() }()
	c := sync.NewCond(&sync.Mutex{})
	go func() { c.L.Lock(); c.Wait() }()
	time.Sleep(10 * time.Millisecond)

	var buf bytes.Buffer
	pprof.Lookup("goroutineleak").WriteTo(&buf, 2)
	for _, l := range strings.Split(buf.String(), "\n") {
		switch {
		case strings.HasPrefix(l, "\t"):
			fmt.Println("\t" + short(strings.Fields(l)[0]))
		case strings.HasPrefix(l, "goroutine "), strings.HasPrefix(l, "created by "), l == "":
			fmt.Println(l)
		default:
			fmt.Println(l[:strings.LastIndex(l, "(")])
		}
	}
	buf.Reset()
	pprof.Lookup("goroutineleak").WriteTo(&buf, 1)
	for _, l := range strings.Split(buf.String(), "\n") {
		f := strings.Split(l, "\t")
		switch {
		case strings.HasPrefix(l, "#"):
			fmt.Println("#", strings.SplitN(f[2], "+", 2)[0], short(f[len(f)-1]))
		case strings.Contains(l, " @ "):
			fmt.Println(strings.SplitN(l, " @ ", 2)[0], "@")
		default:
			fmt.Println(l)
		}
	}
}

// A file's path from Go's src directory, or its name.
func short(path string) string {
	if i := strings.LastIndex(path, "/src/"); i >= 0 {
		return path[i+len("/src/"):]
	}
	return path[strings.LastIndex(path, "/")+1:]
}
