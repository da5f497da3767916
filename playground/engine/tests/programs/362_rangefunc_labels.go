package main

import "fmt"

func count(name string, n int) func(func(int) bool) {
	return func(yield func(int) bool) {
		for i := 0; i < n; i++ {
			if !yield(i) {
				fmt.Println("  ", name, "stopped at", i)
				return
			}
		}
	}
}

func main() {
outer:
	for i := range count("outer", 4) {
		for j := range count("inner", 4) {
			if j == 2 {
				continue outer
			}
			if i == 2 {
				break outer
			}
			fmt.Println(i, j)
		}
	}

	// An ordinary loop around an iterator.
rows:
	for r := 0; r < 3; r++ {
		for c := range count("cols", 5) {
			switch {
			case c == r:
				continue rows
			case c > 3:
				break rows
			}
			fmt.Println("r", r, "c", c)
		}
	}

	// Three levels, break and continue of each.
a:
	for x := range count("a", 3) {
	b:
		for y := range count("b", 3) {
			for z := range count("c", 3) {
				if z == 1 && y == 0 {
					continue b
				}
				if z == 2 {
					continue a
				}
				if x == 2 {
					break a
				}
				if y == 2 {
					break b
				}
				fmt.Println(x, y, z)
			}
		}
	}

	// switch and select inside a body: plain break leaves them only.
	for i := range count("sw", 3) {
		switch i {
		case 1:
			break
		default:
			fmt.Println("switch", i)
		}
		ch := make(chan int, 1)
		ch <- i
		select {
		case v := <-ch:
			if v == 0 {
				break
			}
			fmt.Println("select", v)
		}
	}

	// A labelled ordinary loop inside a body.
	for i := range count("wrap", 2) {
	inner:
		for k := 0; k < 5; k++ {
			if k == 2 {
				break inner
			}
			fmt.Println("wrap", i, k)
		}
	}

	// goto inside a body.
	for i := range count("goto", 2) {
		n := 0
	again:
		n++
		if n < 3 {
			goto again
		}
		fmt.Println("goto", i, n)
	}
}
