package main

import (
	"errors"
	"fmt"
)

type T struct {
	A int
	B string
}

func main() {
	fmt.Printf("[%8v]\n", T{1, "x"})
	fmt.Printf("[%-12v]\n", []string{"a"})
	fmt.Printf("[%5v]\n", map[string]int{"k": 1})
	fmt.Printf("[%v][%s][%d]\n", nil, nil, nil)
	var err error
	fmt.Printf("[%v][%s]\n", err, err)
	err = errors.New("oops")
	fmt.Printf("[%10v][%-10s][%q]\n", err, err, err)
	var ptr *T
	fmt.Printf("[%v][%+v][%s]\n", ptr, ptr, ptr)
	fmt.Printf("[%v][%d]\n", []any{nil, 1}, []any{1, "a"})
	fmt.Printf("[%x][%X]\n", "hello", []string{"ab", "cd"})
	fmt.Printf("[%t][%v]\n", true, struct{}{})
}
