package main

import "fmt"

type Counter struct {
	name string
	out  chan string
}

func (c Counter) Report(n int) {
	c.out <- fmt.Sprintf("%s=%d", c.name, n)
}

func main() {
	out := make(chan string)
	c := Counter{name: "first", out: out}
	go c.Report(1)
	fmt.Println(<-out)
	// The receiver is copied at the go statement.
	c2 := c
	c2.name = "second"
	go c2.Report(2)
	fmt.Println(<-out)
	fmt.Println(c.name)
}
