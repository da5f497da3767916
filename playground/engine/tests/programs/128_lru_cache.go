package main

import "fmt"

type entry struct {
	key, val   int
	prev, next *entry
}

type LRU struct {
	cap        int
	items      map[int]*entry
	head, tail *entry
}

func NewLRU(n int) *LRU {
	h, t := &entry{}, &entry{}
	h.next, t.prev = t, h
	return &LRU{cap: n, items: map[int]*entry{}, head: h, tail: t}
}

func (c *LRU) unlink(e *entry) { e.prev.next, e.next.prev = e.next, e.prev }
func (c *LRU) front(e *entry) {
	e.next, e.prev = c.head.next, c.head
	c.head.next.prev = e
	c.head.next = e
}

func (c *LRU) Get(k int) (int, bool) {
	e, ok := c.items[k]
	if !ok {
		return 0, false
	}
	c.unlink(e)
	c.front(e)
	return e.val, true
}

func (c *LRU) Put(k, v int) {
	if e, ok := c.items[k]; ok {
		e.val = v
		c.unlink(e)
		c.front(e)
		return
	}
	if len(c.items) == c.cap {
		old := c.tail.prev
		c.unlink(old)
		delete(c.items, old.key)
		fmt.Println("evict", old.key)
	}
	e := &entry{key: k, val: v}
	c.items[k] = e
	c.front(e)
}

func (c *LRU) Keys() []int {
	var ks []int
	for e := c.head.next; e != c.tail; e = e.next {
		ks = append(ks, e.key)
	}
	return ks
}

func main() {
	c := NewLRU(2)
	c.Put(1, 10)
	c.Put(2, 20)
	fmt.Println(c.Get(1))
	c.Put(3, 30)
	fmt.Println(c.Get(2))
	c.Put(1, 11)
	c.Put(4, 40)
	fmt.Println(c.Keys(), len(c.items))
	fmt.Println(c.Get(1))
}
