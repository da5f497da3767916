package main

import (
	"errors"
	"fmt"
	"io"
)

func main() {
	block := make(chan int)
	go func() {
		err := fmt.Errorf("read config: %w", io.ErrUnexpectedEOF)
		fmt.Println(errors.Is(err, io.ErrUnexpectedEOF))
		panic(err)
	}()
	// Never `defer wg.Done()` in a goroutine that panics: Done runs during
	// the panic and main may exit before the trace is printed.
	<-block
}
