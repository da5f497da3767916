package main

import (
	"fmt"
	"sync"
)

// The first call's panic is recovered inside sync.OnceValue and panicked
// again at once: unrecovered, Go reports it "[recovered, repanicked]".
func main() {
	port := sync.OnceValue(func() int {
		fmt.Println("parsing port")
		panic(fmt.Sprintf("bad port %q", "80a"))
	})
	done := make(chan struct{})
	go func() {
		defer close(done)
		fmt.Println("port:", port())
	}()
	<-done
	fmt.Println("unreachable")
}
