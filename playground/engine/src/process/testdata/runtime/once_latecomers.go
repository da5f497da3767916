// Goroutines that call Once.Do while f runs wait on the Once's mutex, and
// get it in the order they came once f returns; f runs once.
package main

import (
	"fmt"
	"runtime"
	"strings"
	"sync"
	"time"
)

func main() {
	var once sync.Once
	release := make(chan bool)
	var wg sync.WaitGroup
	for i := range 3 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			once.Do(func() {
				fmt.Println("f runs in", i)
				<-release
			})
			fmt.Println("done", i)
		}()
		time.Sleep(time.Millisecond)
	}
	buf := make([]byte, 1<<16)
	dump := string(buf[:runtime.Stack(buf, true)])
	fmt.Println("waiting on the mutex:", strings.Count(dump, "[sync.Mutex.Lock]:"))
	close(release)
	wg.Wait()
	once.Do(func() { fmt.Println("f again") })
}
