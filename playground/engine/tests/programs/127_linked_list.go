package main

import (
	"fmt"
	"strings"
)

type node struct {
	val  string
	next *node
}

type List struct {
	head *node
	size int
}

func (l *List) PushFront(v string) {
	l.head = &node{v, l.head}
	l.size++
}

func (l *List) PushBack(v string) {
	n := &node{val: v}
	l.size++
	if l.head == nil {
		l.head = n
		return
	}
	cur := l.head
	for cur.next != nil {
		cur = cur.next
	}
	cur.next = n
}

func (l *List) Reverse() {
	var prev *node
	for cur := l.head; cur != nil; {
		next := cur.next
		cur.next = prev
		prev, cur = cur, next
	}
	l.head = prev
}

func (l *List) String() string {
	var parts []string
	for n := l.head; n != nil; n = n.next {
		parts = append(parts, n.val)
	}
	return "[" + strings.Join(parts, " -> ") + "]"
}

func main() {
	l := &List{}
	fmt.Println(l, l.size)
	l.PushBack("b")
	l.PushFront("a")
	l.PushBack("c")
	fmt.Println(l, l.size)
	l.Reverse()
	fmt.Println(l)
}
