package main

import (
	"errors"
	"fmt"
)

func main() {
	err := fmt.Errorf("wrapped: %w", errors.New("disk full"))
	defer fmt.Println("deferred runs before the crash")
	panic(err)
}
