package main

import "fmt"

func apply(fs []func(int) int, v int) int {
	for _, f := range fs {
		v = f(v)
	}
	return v
}

func main() {
	var fact func(int) int
	fact = func(n int) int {
		if n <= 1 {
			return 1
		}
		return n * fact(n-1)
	}
	fmt.Println(fact(10))
	double := func(x int) int { return x * 2 }
	addN := func(n int) func(int) int {
		return func(x int) int { return x + n }
	}
	fmt.Println(apply([]func(int) int{double, addN(3), double}, 5))
	compose := func(f, g func(int) int) func(int) int {
		return func(x int) int { return g(f(x)) }
	}
	fmt.Println(compose(addN(1), double)(4))
	var nilF func()
	fmt.Println(nilF == nil)
	func() {
		fmt.Println("immediately invoked")
	}()
}
