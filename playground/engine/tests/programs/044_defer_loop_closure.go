package main

import "fmt"

type res struct{ name string }

func (r *res) Close() { fmt.Println("close", r.name) }

func process(names []string) {
	for _, n := range names {
		r := &res{n}
		defer r.Close()
	}
	fmt.Println("processing", len(names))
}

func main() {
	process([]string{"a", "b", "c"})
	for i := range 3 {
		defer func() { fmt.Println("closure sees", i) }()
	}
	var f func()
	defer func() {
		if r := recover(); r != nil {
			fmt.Println("recovered:", r)
		}
	}()
	defer f()
	fmt.Println("end of main")
}
