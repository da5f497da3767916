package main

import (
	"errors"
	"fmt"
)

func count(n int) func(func(int) bool) {
	return func(yield func(int) bool) {
		defer fmt.Println("  iterator cleanup", n)
		for i := 0; i < n; i++ {
			if !yield(i) {
				return
			}
		}
	}
}

func grid(n int) func(func(int, int) bool) {
	return func(yield func(int, int) bool) {
		for i := 0; i < n; i++ {
			for j := 0; j < n; j++ {
				if !yield(i, j) {
					return
				}
			}
		}
	}
}

// Unnamed results: the loop body returns through hidden ones.
func find(n, want int) (int, error) {
	for i := range count(n) {
		if i*i == want {
			return i, nil
		}
	}
	return -1, errors.New("not found")
}

// Named results, a bare return and a return with values.
func firstOver(limit int) (x, steps int) {
	for i := range count(100) {
		steps++
		if i*3 > limit {
			x = i
			return
		}
		if steps == 50 {
			return -1, steps
		}
	}
	return
}

// Return from a doubly nested loop.
func pairSum(target int) string {
	for a := range count(5) {
		for b := range count(5) {
			if a+b == target && a < b {
				return fmt.Sprint(a, "+", b)
			}
		}
	}
	return "none"
}

func noResult(stop int) {
	for i := range count(10) {
		if i == stop {
			fmt.Println("returning at", i)
			return
		}
	}
	fmt.Println("never here")
}

func cell(want int) (i, j int, ok bool) {
	for i, j := range grid(3) {
		if i*3+j == want {
			return i, j, true
		}
	}
	return 0, 0, false
}

func main() {
	fmt.Println(find(10, 49))
	fmt.Println(find(5, 49))
	fmt.Println(firstOver(20))
	fmt.Println(pairSum(5))
	fmt.Println(pairSum(99))
	noResult(3)
	fmt.Println(cell(7))
	fmt.Println(cell(70))
}
