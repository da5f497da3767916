package main

import (
	"fmt"
	"os"
)

func main() {
	defer fmt.Println("defer 1")
	defer fmt.Fprintln(os.Stderr, "defer 2 to stderr")
	defer func() {
		fmt.Println("defer 3 sees panic but does not recover")
	}()
	fmt.Println("start")
	var arr [4]int
	idx := 4
	arr[idx] = 1
}
