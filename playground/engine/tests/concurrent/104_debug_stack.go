package main

import (
	"fmt"
	"runtime/debug"
	"strings"
)

func inner() string {
	return string(debug.Stack())
}

func outer() string {
	return inner()
}

func main() {
	s := outer()
	lines := strings.Split(strings.TrimSpace(s), "\n")
	fmt.Println(strings.HasPrefix(lines[0], "goroutine 1 [running]:"))
	for _, fn := range []string{"runtime/debug.Stack(", "main.inner(", "main.outer(", "main.main("} {
		fmt.Println(fn, strings.Contains(s, fn))
	}
	fmt.Println("inner before outer:", strings.Index(s, "main.inner") < strings.Index(s, "main.outer"))
}
