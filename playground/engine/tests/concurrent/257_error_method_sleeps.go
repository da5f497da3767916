// An Error method that sleeps: fmt.Println parks in time.Sleep inside
// Error, another goroutine runs and prints meanwhile, and the error's
// text prints after it.
package main

import (
	"errors"
	"fmt"
	"time"
)

type slowError struct{ d time.Duration }

func (e slowError) Error() string {
	time.Sleep(e.d)
	return fmt.Sprintf("slow after %v", e.d)
}

func find() error { return slowError{200 * time.Millisecond} }

func main() {
	done := make(chan bool)
	go func() {
		time.Sleep(100 * time.Millisecond)
		fmt.Println("meanwhile")
		done <- true
	}()
	start := time.Now()
	err := find()
	fmt.Println("error:", err)
	fmt.Println(time.Since(start) >= 200*time.Millisecond)
	<-done
	wrapped := fmt.Errorf("lookup: %w", err)
	fmt.Println(errors.Is(wrapped, err), wrapped)
}
