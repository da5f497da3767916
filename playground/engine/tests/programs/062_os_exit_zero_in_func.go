package main

import (
	"fmt"
	"os"
)

func finish() {
	defer fmt.Println("not run either")
	fmt.Fprintln(os.Stderr, "to stderr")
	os.Exit(0)
}

func main() {
	fmt.Println("start")
	finish()
	fmt.Println("unreachable")
}
