package main

import "fmt"

func each(xs []int, f func(int)) {
	for _, x := range xs {
		f(x)
	}
}

func main() {
	limit := 2
	each([]int{1, 2, 3}, func(x int) {
		if x > limit {
			panic(fmt.Errorf("value %d exceeds %d", x, limit))
		}
		fmt.Println("ok", x)
	})
}
