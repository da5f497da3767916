package main

import (
	"errors"
	"fmt"
)

type ID int
type Pair struct{ A, B int }
type Handler func(string) error

func main() {
	vals := []any{1, int8(1), uint(1), 1.5, float32(1.5), "s", 'r', byte('b'), true, nil,
		[]int{}, [3]string{}, map[string][]int{}, &Pair{}, Pair{}, ID(3), errors.New("e"),
		func() {}, Handler(nil), struct{ X int }{}, new(int), []any{}, make(chan int), [][]byte{}}
	for _, v := range vals {
		fmt.Printf("%T\n", v)
	}
	var err error
	fmt.Printf("%T %v\n", err, err)
}
