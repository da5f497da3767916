// Open: the prints around two unbuffered handoffs. Each send completes with
// its receive, so both prints of the first handoff (s1, r1) come before the
// second handoff and both of its prints (s2, r2); within a pair either may
// be first: 4 outputs.
package main

import (
	"fmt"
	"sync"
)

func main() {
	ch := make(chan int)
	var wg sync.WaitGroup
	wg.Go(func() {
		for i := 1; i <= 2; i++ {
			ch <- i
			fmt.Print("s", i, " ")
		}
	})
	for range 2 {
		fmt.Print("r", <-ch, " ")
	}
	wg.Wait()
	fmt.Println("end")
}
