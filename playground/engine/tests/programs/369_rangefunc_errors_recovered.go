package main

import (
	"fmt"
	"runtime"
)

func stubborn(yield func(int) bool) {
	yield(1)
	yield(2)
}

var kept func(int) bool

func keeper(yield func(int) bool) {
	kept = yield
}

func try(name string, f func()) {
	defer func() {
		r := recover()
		_, isRuntime := r.(runtime.Error)
		fmt.Printf("%s: %v (runtime.Error: %v)\n", name, r, isRuntime)
	}()
	f()
}

func main() {
	try("after false", func() {
		for range stubborn {
			break
		}
	})
	try("after exit", func() {
		for range keeper {
		}
		kept(3)
	})
	try("nil iterator", func() {
		var seq func(func(int) bool)
		for range seq {
		}
	})
	try("return after recover", func() {
		for v := range stubborn {
			func() {
				defer func() { recover() }()
				if v == 1 {
					panic("inner")
				}
			}()
			fmt.Println("body goes on after", v)
			return
		}
	})
}
