package main

import "fmt"

func main() {
	defer fmt.Println("outer defer still runs")
	defer func() {
		panic("second panic")
	}()
	panic("first panic")
}
