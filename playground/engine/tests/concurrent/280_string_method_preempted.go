package main

// A String method that never returns does not stop the other goroutines:
// Go preempts it like any long-running code, so the timer still fires.

import (
	"fmt"
	"os"
	"time"
)

type Spinner struct{}

func (Spinner) String() string {
	for {
	}
}

func main() {
	go func() {
		time.Sleep(10 * time.Millisecond)
		fmt.Println("the timer fired while String spun")
		os.Exit(3)
	}()
	fmt.Println(Spinner{})
}
