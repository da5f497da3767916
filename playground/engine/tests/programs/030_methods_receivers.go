package main

import "fmt"

type Counter struct{ n int }

func (c Counter) Value() int { return c.n }
func (c *Counter) Inc()      { c.n++ }
func (c Counter) IncCopy()   { c.n++ }

type Celsius float64

func (c Celsius) F() float64 { return float64(c)*9/5 + 32 }

type IntList []int

func (l IntList) Sum() (s int) {
	for _, v := range l {
		s += v
	}
	return
}

func (l *IntList) Push(v int) { *l = append(*l, v) }

func main() {
	c := Counter{}
	c.Inc()
	c.Inc()
	c.IncCopy()
	fmt.Println(c.Value())
	p := &c
	p.Inc()
	fmt.Println(p.Value(), c.n)
	fmt.Println(Celsius(100).F(), Celsius(-40).F())
	var l IntList
	l.Push(3)
	l.Push(4)
	fmt.Println(l, l.Sum(), len(l))
	(&l).Push(5)
	fmt.Println(IntList{1, 2}.Sum(), l.Sum())
}
