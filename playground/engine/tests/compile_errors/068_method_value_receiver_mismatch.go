package main

import "fmt"

type Counter struct{ n int }

func (c *Counter) Inc() { c.n++ }

type Incer interface{ Inc() }

func use(i Incer) { i.Inc() }

func main() {
	Counter{}.Inc()
	use(Counter{})
	var i fmt.Stringer = Counter{}
	_ = i
}
