package main

import (
	"errors"
	"fmt"
	"strconv"
)

func parseAll(xs []string) (total int, err error) {
	for _, s := range xs {
		n, err := strconv.Atoi(s)
		if err != nil {
			return total, fmt.Errorf("item %q: %w", s, err)
		}
		total += n
	}
	return total, err
}

func load(fail bool) (err error) {
	if fail {
		err := errors.New("inner failure")
		_ = err
	}
	return
}

func main() {
	fmt.Println(parseAll([]string{"1", "2"}))
	fmt.Println(parseAll([]string{"1", "two", "3"}))
	fmt.Println(load(true))
	_, err := parseAll([]string{"x"})
	var ne *strconv.NumError
	fmt.Println(errors.As(err, &ne), ne.Num, errors.Is(err, strconv.ErrSyntax))
}
