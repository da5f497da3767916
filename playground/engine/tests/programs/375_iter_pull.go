package main

import (
	"fmt"
	"iter"
	"maps"
	"slices"
)

func count(n int) iter.Seq[int] {
	return func(yield func(int) bool) {
		defer fmt.Println("  count cleans up")
		for i := 0; i < n; i++ {
			if !yield(i) {
				return
			}
		}
	}
}

// Zip pulls from two iterators in step.
func Zip[A, B any](as iter.Seq[A], bs iter.Seq[B]) iter.Seq2[A, B] {
	return func(yield func(A, B) bool) {
		nextA, stopA := iter.Pull(as)
		defer stopA()
		nextB, stopB := iter.Pull(bs)
		defer stopB()
		for {
			a, okA := nextA()
			b, okB := nextB()
			if !okA || !okB || !yield(a, b) {
				return
			}
		}
	}
}

func main() {
	next, stop := iter.Pull(count(3))
	for {
		v, ok := next()
		if !ok {
			break
		}
		fmt.Println("pulled", v)
	}
	fmt.Println(next())
	stop()

	next, stop = iter.Pull(count(10))
	fmt.Println(next())
	fmt.Println(next())
	stop()
	fmt.Println(next())
	stop()

	_, stop = iter.Pull(count(5))
	stop()
	fmt.Println("stopped before starting")

	for a, b := range Zip(slices.Values([]string{"x", "y", "z"}), count(2)) {
		fmt.Println("zip", a, b)
	}

	next2, stop2 := iter.Pull2(maps.All(map[string]int{"only": 1}))
	k, v, ok := next2()
	fmt.Println(k, v, ok)
	k, v, ok = next2()
	fmt.Printf("%q %v %v\n", k, v, ok)
	stop2()

	boom := func(yield func(int) bool) {
		yield(1)
		panic("iterator failed")
	}
	next, stop = iter.Pull(boom)
	defer func() {
		fmt.Println("recovered:", recover())
		fmt.Println(next())
	}()
	fmt.Println(next())
	next()
}
