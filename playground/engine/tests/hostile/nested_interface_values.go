// Values nest without bound through interfaces: comparing, hashing and
// printing them must not recurse on the host's stack. (Go's fmt prints
// every level; the engine's printer stops at a depth, a known difference.)
package main

import "fmt"

func build(n int) any {
	var v any = 0
	for i := 0; i < n; i++ {
		v = [1]any{v}
	}
	return v
}

type L struct{ next any }

func chain(n int) any {
	var v any = 0
	for i := 0; i < n; i++ {
		v = L{v}
	}
	return v
}

func main() {
	a, b := build(200000), build(200000)
	fmt.Println(a == b, chain(200000) == chain(200000), a == build(199999))
	m := map[any]int{a: 1}
	fmt.Println(m[b], len(fmt.Sprint(a)) > 0)
	var c chan int
	<-c
}
