// Open: where b1 falls among a1 and a2. Main merges two channels with a
// select (a closed one is set to nil); a's values keep their order, b's
// single value may come first, between or last.
package main

import "fmt"

func main() {
	a := make(chan string)
	b := make(chan string)
	go func() { a <- "a1"; a <- "a2"; close(a) }()
	go func() { b <- "b1"; close(b) }()
	for a != nil || b != nil {
		select {
		case s, ok := <-a:
			if !ok {
				a = nil
				continue
			}
			fmt.Print(s, " ")
		case s, ok := <-b:
			if !ok {
				b = nil
				continue
			}
			fmt.Print(s, " ")
		}
	}
	fmt.Println("end")
}
