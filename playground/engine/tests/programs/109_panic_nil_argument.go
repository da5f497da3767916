package main

import "fmt"

func main() {
	defer func() {
		r := recover()
		fmt.Printf("%v %T\n", r, r)
	}()
	panic(nil)
}
