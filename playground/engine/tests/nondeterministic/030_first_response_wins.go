// Open: which of three replicas answers first. Each sends its name into a
// buffered channel (so none blocks); main prints the first one received.
package main

import "fmt"

func main() {
	replies := make(chan string, 3)
	for _, name := range []string{"a", "b", "c"} {
		go func() { replies <- name }()
	}
	fmt.Println("first:", <-replies)
}
