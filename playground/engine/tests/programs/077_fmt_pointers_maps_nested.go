package main

import "fmt"

type Node struct {
	Val  int
	Kids []Node
}

type Box struct{ P *int }

func main() {
	leaf := Node{Val: 2}
	root := &Node{1, []Node{leaf}}
	fmt.Printf("%v\n", root)
	fmt.Printf("%+v\n", *root)
	m := map[string]*Node{"a": nil}
	fmt.Println(m)
	ms := map[string][]int{"z": {1}, "a": {2, 3}}
	fmt.Println(ms)
	mm := map[int]map[int]bool{2: {1: true}, 1: {}}
	fmt.Println(mm)
	ps := []*int{nil}
	fmt.Println(ps)
	var b Box
	fmt.Printf("%v %+v\n", b, b)
	arrp := &[2]int{1, 2}
	sp := &[]string{"x"}
	mp := &map[string]int{"k": 1}
	fmt.Println(arrp, sp, mp)
	pp := &root
	fmt.Println((*pp).Val == root.Val, *pp == root)
}
