package main

import (
	"errors"
	"fmt"
)

func flaky(attempt int) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("recovered: %v", r)
		}
	}()
	if attempt < 3 {
		panic(fmt.Sprintf("crash on attempt %d", attempt))
	}
	return nil
}

func supervise(maxRestarts int) error {
	for attempt := 1; attempt <= maxRestarts; attempt++ {
		done := make(chan error)
		go func() { done <- flaky(attempt) }()
		err := <-done
		if err == nil {
			fmt.Println("attempt", attempt, "succeeded")
			return nil
		}
		fmt.Println("attempt", attempt, "failed:", err)
	}
	return errors.New("gave up")
}

func main() {
	fmt.Println("result:", supervise(5))
	fmt.Println("result:", supervise(2))
}
