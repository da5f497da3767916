package main

import "fmt"

type Animal interface {
	Sound() string
	Name() string
}

type Base struct {
	name string `json:"name"`
}

func (b Base) Name() string { return b.name }

type Dog struct {
	Base
	*Named `tag:"x"`
	age           int
	tags, labels  []string "plain tag"
}

func (d *Dog) Sound() string { return "woof" }

func (Dog) Kind() string { return "dog" }

type Named struct{ n int }

type Node struct {
	Val         int
	Left, Right *Node
	anon        struct {
		inner struct{ deep bool }
	}
}

func main() {
	d := &Dog{Base: Base{name: "rex"}, age: 3}
	var a Animal = d
	fmt.Println(a.Name(), a.Sound(), d.Kind(), d.Base.name)
	n := Node{Val: 1, Left: &Node{Val: 2}}
	n.anon.inner.deep = true
	fmt.Println(n.Left.Val, n.anon.inner.deep)
	p := struct {
		X, Y int
	}{1, 2}
	empty := struct{}{}
	fmt.Println(p, empty)
	f := d.Sound
	g := (*Dog).Sound
	h := Dog.Kind
	fmt.Println(f(), g(d), h(*d))
}
