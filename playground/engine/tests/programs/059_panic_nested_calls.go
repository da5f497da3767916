package main

import "fmt"

type Stack struct{ items []int }

func (s *Stack) Pop() int {
	v := s.items[len(s.items)-1]
	s.items = s.items[:len(s.items)-1]
	return v
}

func drain(s *Stack, n int) {
	for i := 0; i < n; i++ {
		fmt.Println("pop", s.Pop())
	}
}

func main() {
	s := &Stack{[]int{1, 2}}
	func() {
		drain(s, 3)
	}()
}
