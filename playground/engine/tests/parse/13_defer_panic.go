package main

import (
	"errors"
	"fmt"
	"os"
)

func safeDiv(a, b int) (res int, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("recovered: %v", r)
		}
	}()
	return a / b, nil
}

func counter() (n int) {
	defer func() { n *= 2 }()
	n = 3
	return n + 1
}

var ErrNotFound = errors.New("not found")

func find(k string) error {
	if k == "" {
		return fmt.Errorf("find %q: %w", k, ErrNotFound)
	}
	return nil
}

func main() {
	for i := 0; i < 3; i++ {
		defer fmt.Println("deferred", i)
	}
	_, err := safeDiv(1, 0)
	fmt.Println(err, counter())
	if err := find(""); errors.Is(err, ErrNotFound) {
		fmt.Println("is not found:", err)
	}
	defer recover()
	if len(os.Args) > 5 {
		panic("too many")
	}
	defer func() {
		recover()
	}()
	panic(errors.New("at the end"))
}
