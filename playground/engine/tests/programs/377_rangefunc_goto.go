package main

import "fmt"

func count(n int) func(func(int) bool) {
	return func(yield func(int) bool) {
		defer fmt.Println("  iterator", n, "returns")
		for i := 0; i < n; i++ {
			if !yield(i) {
				return
			}
		}
	}
}

func search(grid [][]int, want int) (row, col int) {
	for r := range count(len(grid)) {
		for c := range count(len(grid[r])) {
			if grid[r][c] == want {
				row, col = r, c
				goto found
			}
		}
	}
	return -1, -1
found:
	fmt.Println("found", want)
	return
}

func main() {
	grid := [][]int{{1, 2}, {3, 4}, {5, 6}}
	fmt.Println(search(grid, 4))
	fmt.Println(search(grid, 9))

	tries := 0
retry:
	tries++
	for i := range count(3) {
		if i == 1 && tries < 3 {
			goto retry
		}
		if i == 2 {
			goto done
		}
	}
done:
	fmt.Println("tries", tries)

	// A goto within a body, to a label in an outer body.
	for i := range count(2) {
		n := 0
	again:
		n++
		for range count(1) {
			if n < 2 {
				goto again
			}
		}
		fmt.Println("body", i, "n", n)
	}
}
