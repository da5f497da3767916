package main

import "fmt"

type registry struct {
	entries map[string]int
}

func (r *registry) add(name string) {
	r.entries[name] = len(r.entries)
}

func main() {
	r := &registry{}
	fmt.Println("adding")
	r.add("first")
	fmt.Println("unreachable")
}
