// A budget is not a panic: recover cannot stop it.
// run: goroutine_budget=1000
package main

import "fmt"

func main() {
	defer func() {
		fmt.Println("recovered:", recover())
	}()
	for {
		go func() { select {} }()
	}
}
