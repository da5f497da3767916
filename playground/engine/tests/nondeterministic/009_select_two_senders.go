// Open: which sender main's select hears first. Two goroutines send on
// their own unbuffered channel; the select takes whichever is ready (or
// picks at random if both are), then main receives the other.
package main

import "fmt"

func main() {
	one := make(chan string)
	two := make(chan string)
	go func() { one <- "one" }()
	go func() { two <- "two" }()
	select {
	case s := <-one:
		fmt.Println(s, <-two)
	case s := <-two:
		fmt.Println(s, <-one)
	}
}
