package main

import (
	"errors"
	"fmt"
)

func add(a, b int) int { return a + b }

func divmod(a, b int) (q, r int) {
	q = a / b
	r = a % b
	return
}

func sum(xs ...int) (total int) {
	for _, x := range xs {
		total += x
	}
	return total
}

func apply(f func(int) int, x int) int { return f(x) }

func twoResults() (int, error) { return 0, errors.New("boom") }

func noParamsNames(int, string) {}

func variadicNamed(prefix string, rest ...interface{}) {}

func returnsFunc() func() int {
	n := 0
	return func() int {
		n++
		return n
	}
}

func main() {
	q, r := divmod(17, 5)
	xs := []int{1, 2, 3}
	fmt.Println(add(1, 2), q, r, sum(), sum(1, 2), sum(xs...))
	fmt.Println(apply(func(x int) int { return x * x }, 7))
	if _, err := twoResults(); err != nil {
		fmt.Println(err)
	}
	next := returnsFunc()
	next()
	fmt.Println(next())
	noParamsNames(1, "a")
	variadicNamed("p", 1, "two", 3.0)
	func() { fmt.Println("immediately") }()
	defer func(s string) { fmt.Println(s) }("deferred")
}
