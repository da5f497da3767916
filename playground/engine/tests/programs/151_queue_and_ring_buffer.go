package main

import (
	"errors"
	"fmt"
)

type Ring struct {
	buf        []int
	head, size int
}

var ErrFull = errors.New("ring full")

func NewRing(n int) *Ring { return &Ring{buf: make([]int, n)} }

func (r *Ring) Push(v int) error {
	if r.size == len(r.buf) {
		return ErrFull
	}
	r.buf[(r.head+r.size)%len(r.buf)] = v
	r.size++
	return nil
}

func (r *Ring) Pop() (int, bool) {
	if r.size == 0 {
		return 0, false
	}
	v := r.buf[r.head]
	r.head = (r.head + 1) % len(r.buf)
	r.size--
	return v, true
}

func main() {
	r := NewRing(3)
	for i := 1; i <= 4; i++ {
		fmt.Println("push", i, r.Push(i))
	}
	v, ok := r.Pop()
	fmt.Println(v, ok)
	r.Push(5)
	for {
		v, ok := r.Pop()
		if !ok {
			break
		}
		fmt.Print(v, " ")
	}
	fmt.Println()
	fmt.Println(r.buf, r.head)
}
