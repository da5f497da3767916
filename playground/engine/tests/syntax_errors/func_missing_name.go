package main

func (t T) {}

func main() {}
