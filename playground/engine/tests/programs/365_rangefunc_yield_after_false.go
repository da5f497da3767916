package main

import "fmt"

// An iterator that ignores yield's false and goes on.
func stubborn(yield func(string) bool) {
	for _, s := range []string{"a", "b", "c"} {
		yield(s)
	}
}

func main() {
	for s := range stubborn {
		fmt.Println(s)
		if s == "a" {
			break
		}
	}
	fmt.Println("not reached")
}
