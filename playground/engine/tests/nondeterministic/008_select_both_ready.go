// Open: which case a select takes when both are ready. Go chooses uniformly
// at random among ready cases, even with one P, so each of the two selects
// may take a or b: 4 outputs.
package main

import "fmt"

func main() {
	a := make(chan string, 2)
	b := make(chan string, 2)
	a <- "a"
	a <- "a"
	b <- "b"
	b <- "b"
	for range 2 {
		select {
		case s := <-a:
			fmt.Print(s)
		case s := <-b:
			fmt.Print(s)
		}
	}
	fmt.Println()
}
