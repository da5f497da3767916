package main

import (
	"fmt"
	"os"
)

func main() {
	fmt.Fprintln(os.Stdout, "out 1")
	fmt.Fprintf(os.Stderr, "err %d\n", 1)
	fmt.Fprint(os.Stdout, "out ", 2, "\n")
	fmt.Fprint(os.Stderr, "err", 2, "\n")
	n, err := fmt.Println("counted")
	fmt.Println(n, err)
	os.Exit(1)
}
