// Generic types with methods: a stack, a pair with two type parameters,
// a linked list that refers to itself, %T and %v as Go prints them.
package main

import "fmt"

type Stack[T any] struct {
	items []T
}

func (s *Stack[T]) Push(v T) { s.items = append(s.items, v) }

func (s *Stack[T]) Pop() (T, bool) {
	var zero T
	if len(s.items) == 0 {
		return zero, false
	}
	v := s.items[len(s.items)-1]
	s.items = s.items[:len(s.items)-1]
	return v, true
}

func (s Stack[T]) Len() int { return len(s.items) }

type Pair[K comparable, V any] struct {
	Key K
	Val V
}

func (p Pair[K, V]) String() string { return fmt.Sprintf("%v=%v", p.Key, p.Val) }

type List[T any] struct {
	head *node[T]
	size int
}

type node[T any] struct {
	val  T
	next *node[T]
}

func (l *List[E]) Prepend(v E) {
	l.head = &node[E]{val: v, next: l.head}
	l.size++
}

func (l *List[E]) Each(f func(E)) {
	for n := l.head; n != nil; n = n.next {
		f(n.val)
	}
}

type Set[T comparable] map[T]struct{}

func (s Set[T]) Add(v T)           { s[v] = struct{}{} }
func (s Set[T]) Has(v T) bool      { _, ok := s[v]; return ok }
func NewSet[T comparable]() Set[T] { return Set[T]{} }

type Box[T any] struct{ V T }

func main() {
	var s Stack[string]
	s.Push("a")
	s.Push("b")
	v, ok := s.Pop()
	fmt.Println(v, ok, s.Len())
	fmt.Printf("%T %v %+v\n", s, s, s)
	ints := &Stack[int]{}
	ints.Push(1)
	fmt.Printf("%T %v\n", ints, *ints)
	_, ok = (&Stack[bool]{}).Pop()
	fmt.Println(ok)

	p := Pair[string, int]{"x", 1}
	fmt.Println(p)
	fmt.Printf("%T %v %s\n", p, p, p)
	var st fmt.Stringer = Pair[int, bool]{Key: 2, Val: true}
	fmt.Println(st.String())

	var l List[string]
	l.Prepend("world")
	l.Prepend("hello")
	l.Each(func(s string) { fmt.Print(s, " ") })
	fmt.Println(l.size)

	set := NewSet[int]()
	set.Add(3)
	fmt.Println(set.Has(3), set.Has(4), len(set))
	fmt.Printf("%T\n", set)

	b := Box[[]int]{V: []int{1, 2}}
	bb := Box[Box[string]]{Box[string]{"in"}}
	fmt.Printf("%T %v | %T %+v\n", b, b, bb, bb)
	fmt.Printf("%v\n", Box[*int]{} == Box[*int]{})
}
