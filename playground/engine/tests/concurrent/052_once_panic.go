package main

import (
	"fmt"
	"sync"
)

func main() {
	var once sync.Once
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		once.Do(func() { panic("init failed") })
	}()
	// A panicking f still counts as done.
	once.Do(func() { fmt.Println("second Do runs?") })
	fmt.Println("end")
}
