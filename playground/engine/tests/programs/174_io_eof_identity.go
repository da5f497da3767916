package main

import (
	"errors"
	"fmt"
	"io"
)

// readAll pretends to read until the source runs dry.
func readAll(chunks []string) (string, error) {
	out := ""
	for i := 0; ; i++ {
		if i == len(chunks) {
			return out, io.EOF
		}
		out += chunks[i]
	}
}

func main() {
	s, err := readAll([]string{"go", "pher"})
	fmt.Println(s, err, err == io.EOF)
	wrapped := fmt.Errorf("reading config: %w", err)
	fmt.Println(wrapped, errors.Is(wrapped, io.EOF), errors.Is(wrapped, io.ErrUnexpectedEOF))
	fmt.Printf("%v %q\n", io.ErrUnexpectedEOF, io.EOF.Error())
}
