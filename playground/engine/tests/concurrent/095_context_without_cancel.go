package main

import (
	"context"
	"fmt"
)

type k int

func main() {
	parent, cancel := context.WithCancel(context.WithValue(context.Background(), k(1), "kept"))
	detached := context.WithoutCancel(parent)
	cancel()
	fmt.Println(parent.Err(), detached.Err(), detached.Done() == nil)
	fmt.Println(detached.Value(k(1)))
}
