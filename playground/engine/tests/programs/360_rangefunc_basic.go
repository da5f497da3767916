package main

import "fmt"

type IntSeq func(yield func(int) bool)

func count(n int) IntSeq {
	return func(yield func(int) bool) {
		for i := 0; i < n; i++ {
			if !yield(i) {
				fmt.Println("  count stopped at", i)
				return
			}
		}
		fmt.Println("  count done")
	}
}

func pairs(words []string) func(func(int, string) bool) {
	return func(yield func(int, string) bool) {
		for i, w := range words {
			if !yield(i, w) {
				return
			}
		}
	}
}

func thrice(yield func() bool) {
	_ = yield() && yield() && yield()
}

type Point struct{ X, Y int }

func points(yield func(Point) bool) {
	for i := 1; i <= 3; i++ {
		if !yield(Point{i, i * i}) {
			return
		}
	}
}

func Filter[V any](seq func(func(V) bool), keep func(V) bool) func(func(V) bool) {
	return func(yield func(V) bool) {
		for v := range seq {
			if keep(v) && !yield(v) {
				return
			}
		}
	}
}

func main() {
	for i := range count(3) {
		fmt.Println("i =", i)
	}
	for i := range count(10) {
		if i%2 == 0 {
			continue
		}
		if i > 6 {
			break
		}
		fmt.Println("odd", i)
	}
	for i, w := range pairs([]string{"a", "b", "c"}) {
		fmt.Println(i, w)
	}
	for _, w := range pairs([]string{"x", "y"}) {
		fmt.Println("word", w)
	}
	for i := range pairs([]string{"p", "q"}) {
		fmt.Println("index", i)
	}
	n := 0
	for range thrice {
		n++
	}
	fmt.Println("thrice ran", n)
	var funcs []func() int
	for i := range count(3) {
		funcs = append(funcs, func() int { return i * 10 })
	}
	for _, f := range funcs {
		fmt.Print(f(), " ")
	}
	fmt.Println()
	var last Point
	for p := range points {
		p.X *= 100
		last = p
	}
	fmt.Println(last)
	var k int
	var v string
	for k, v = range pairs([]string{"m", "n"}) {
	}
	fmt.Println(k, v)
	for v := range Filter(count(10), func(x int) bool { return x%3 == 0 }) {
		fmt.Println("filtered", v)
	}
	sum := 0
	for x := range count(5) {
		for y := range count(x) {
			sum += y
		}
	}
	fmt.Println("sum", sum)
}
