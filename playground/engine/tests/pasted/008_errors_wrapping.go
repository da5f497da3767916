// Errors as people write them: sentinels, wrapping, errors.As on a type.
package main

import (
	"errors"
	"fmt"
	"strconv"
)

var ErrNotFound = errors.New("not found")

type ParseError struct {
	Line int
	Err  error
}

func (e *ParseError) Error() string { return "line " + strconv.Itoa(e.Line) + ": " + e.Err.Error() }
func (e *ParseError) Unwrap() error { return e.Err }

func lookup(key string) (int, error) {
	table := map[string]string{"a": "1", "b": "x"}
	s, ok := table[key]
	if !ok {
		return 0, fmt.Errorf("lookup %q: %w", key, ErrNotFound)
	}
	n, err := strconv.Atoi(s)
	if err != nil {
		return 0, &ParseError{Line: 2, Err: err}
	}
	return n, nil
}

func main() {
	for _, k := range []string{"a", "b", "c"} {
		n, err := lookup(k)
		var pe *ParseError
		switch {
		case errors.Is(err, ErrNotFound):
			fmt.Println(k, "missing:", err)
		case errors.As(err, &pe):
			fmt.Println(k, "bad value on line", pe.Line, "-", err)
			fmt.Println("  unwrapped is strconv.ErrSyntax:", errors.Is(err, strconv.ErrSyntax))
		default:
			fmt.Println(k, "=", n)
		}
	}
	joined := errors.Join(ErrNotFound, errors.New("second"))
	fmt.Printf("%v\n%v\n", joined, errors.Is(joined, ErrNotFound))
}
