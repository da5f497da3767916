// Goroutines that end at once, started without end: the budget of
// goroutines started in all stops it.
// run: goroutines_created_budget=10000
package main

import "sync"

func main() {
	var wg sync.WaitGroup
	for {
		wg.Add(1)
		go func() { wg.Done() }()
		wg.Wait()
	}
}
