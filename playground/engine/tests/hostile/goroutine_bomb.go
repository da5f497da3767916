// Starts goroutines that never end until the goroutine budget stops it.
// run: goroutine_budget=1000
package main

func main() {
	for {
		go func() { select {} }()
	}
}
