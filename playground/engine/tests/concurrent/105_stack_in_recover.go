package main

import (
	"fmt"
	"runtime/debug"
	"strings"
)

func risky() {
	var m map[string]int
	m["x"] = 1
}

func main() {
	done := make(chan string)
	go func() {
		defer func() {
			r := recover()
			st := string(debug.Stack())
			done <- fmt.Sprintf("%v | panic frame: %v | risky frame: %v", r,
				strings.Contains(st, "panic("), strings.Contains(st, "main.risky("))
		}()
		risky()
	}()
	fmt.Println(<-done)
}
