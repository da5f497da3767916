package main

import "fmt"

type Counter struct{ N int }

func (c Counter) Get() int { return c.N }
func (c *Counter) Inc()    { c.N++ }

type Getter interface{ Get() int }

func main() {
	c := Counter{1}
	var g Getter = c
	c.Inc()
	fmt.Println(c.Get(), g.Get())
	var gp Getter = &c
	c.Inc()
	fmt.Println(c.Get(), gp.Get())
	if inc, ok := gp.(interface{ Inc() }); ok {
		inc.Inc()
	}
	fmt.Println(c.N)
	_, ok := g.(interface{ Inc() })
	fmt.Println(ok)
	items := []any{c, &c}
	c.N = 100
	fmt.Println(items[0].(Counter).N, items[1].(*Counter).N)
}
