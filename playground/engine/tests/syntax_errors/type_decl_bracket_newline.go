package main

type IntSlice [int
type Handler func(string) error

func main() {}
