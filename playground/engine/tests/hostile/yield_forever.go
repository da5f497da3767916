// A goroutine that only yields: each yield is a scheduling round, and the
// step budget stops it.
// run: step_budget=20000
package main

import "runtime"

func main() {
	for {
		runtime.Gosched()
	}
}
