// Open: whether main's Gosched lets the new goroutine print first. With
// one P it does (the goroutine is the only other runnable G); with more,
// the goroutine may be on another P, still starting, when main prints.
package main

import (
	"fmt"
	"runtime"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	wg.Go(func() {
		fmt.Println("goroutine")
	})
	runtime.Gosched()
	fmt.Println("main")
	wg.Wait()
}
