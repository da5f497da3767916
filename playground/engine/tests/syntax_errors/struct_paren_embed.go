package main

type A struct{}
type T struct {
	(A)
}

func main() {}
