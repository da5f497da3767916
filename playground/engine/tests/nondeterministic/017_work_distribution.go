// Open: which worker receives which value. Two workers receive from one
// unbuffered channel until it is closed; each value goes to either one,
// and each worker gets its values in order: 2^3 = 8 outputs.
package main

import (
	"fmt"
	"sync"
)

func main() {
	jobs := make(chan int)
	var got [2][]int
	var wg sync.WaitGroup
	for w := range 2 {
		wg.Go(func() {
			for j := range jobs {
				got[w] = append(got[w], j)
			}
		})
	}
	for j := 1; j <= 3; j++ {
		jobs <- j
	}
	close(jobs)
	wg.Wait()
	fmt.Println("w0", got[0], "w1", got[1])
}
