package main

import (
	"errors"
	"fmt"
)

var (
	ErrA = errors.New("error a")
	ErrB = errors.New("error b")
)

func main() {
	j := errors.Join(ErrA, nil, ErrB)
	fmt.Println(j)
	fmt.Println(errors.Is(j, ErrA), errors.Is(j, ErrB))
	fmt.Println(errors.Join(nil, nil) == nil)
	multi := fmt.Errorf("both: %w and %w", ErrA, ErrB)
	fmt.Println(multi, errors.Is(multi, ErrB))
	fmt.Println(errors.Unwrap(multi) == nil)
	plain := fmt.Errorf("no wrap: %v", ErrA)
	fmt.Println(plain, errors.Is(plain, ErrA))
	deep := fmt.Errorf("l3: %w", fmt.Errorf("l2: %w", fmt.Errorf("l1: %w", ErrB)))
	fmt.Println(deep)
	for e := error(deep); e != nil; e = errors.Unwrap(e) {
		fmt.Printf("%q\n", e.Error())
	}
	fmt.Printf("%T %T %T\n", ErrA, deep, j)
}
