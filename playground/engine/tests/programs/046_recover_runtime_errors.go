package main

import (
	"fmt"
	"runtime"
)

func try(name string, f func()) {
	defer func() {
		r := recover()
		_, isRuntime := r.(runtime.Error)
		fmt.Printf("%s: %v (runtime.Error: %v)\n", name, r, isRuntime)
	}()
	f()
}

type T struct{ x int }

func main() {
	var s []int
	var m map[string]int
	var p *T
	var i any = "str"
	zero := 0
	arr := []int{1, 2, 3}
	try("index", func() { _ = arr[5] })
	try("negative index", func() { k := -1; _ = arr[k+0] })
	try("nil map", func() { m["a"] = 1 })
	try("nil deref", func() { _ = p.x })
	try("divide", func() { _ = 10 / zero })
	try("modulo", func() { _ = 10 % zero })
	try("slice bounds", func() { _ = arr[1:zero] })
	try("slice cap", func() { _ = arr[:10] })
	try("assertion", func() { _ = i.(int) })
	try("empty slice", func() { _ = s[0] })
	try("string index", func() { _ = "abc"[len(arr)+1] })
	try("no panic", func() {})
}
