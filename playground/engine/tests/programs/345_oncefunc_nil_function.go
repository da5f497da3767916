package main

import (
	"fmt"
	"sync"
)

// OnceFunc accepts a nil function; calling the result runs it, and the
// nil call's panic is kept and raised again, as every later call raises it.
func main() {
	f := sync.OnceFunc(nil)
	for i := range 2 {
		func() {
			defer func() { fmt.Println("call", i, "panicked:", recover()) }()
			f()
		}()
	}
	v := sync.OnceValues(func() (int, error) { return 42, nil })
	fmt.Println(v())
	fmt.Println(v())
}
