// A String method that waits on a channel and then panics: fmt recovers
// the panic, as its catchPanic does, and prints it in place of the value;
// the program goes on.
package main

import (
	"fmt"
	"os"
)

type Flaky struct{ ch chan string }

func (f Flaky) String() string {
	if s := <-f.ch; s != "ok" {
		panic("bad value " + s)
	}
	return "fine"
}

func main() {
	f := Flaky{make(chan string)}
	go func() {
		f.ch <- "ok"
		f.ch <- "oops"
		f.ch <- "ok"
	}()
	fmt.Println(f, f, f)
	fmt.Fprintln(os.Stdout, "after")
}
