package main

import "fmt"

type op func(int) int

func safely(f op, x int) (res int, ok bool) {
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	return f(x), true
}

func main() {
	ops := []op{
		func(x int) int { return 100 / x },
		func(x int) int { return []int{1, 2}[x] },
		func(x int) int { return x * x },
	}
	for _, x := range []int{0, 1, 5} {
		for i, f := range ops {
			r, ok := safely(f, x)
			fmt.Printf("op%d(%d) = %d %v\n", i, x, r, ok)
		}
	}
}
