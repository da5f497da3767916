// goto: backward loops, forward jumps out of nested loops, a label on a
// for loop that break and continue also use, and a fresh variable per
// pass for closures declared after the label.
package main

import "fmt"

func find(grid [][]int, want int) (int, int) {
	for _, row := range grid {
		for _, v := range row {
			if v == want {
				goto found
			}
		}
	}
	return -1, -1
found:
	for i, row := range grid {
		for j, v := range row {
			if v == want {
				return i, j
			}
		}
	}
	return -2, -2
}

func main() {
	i := 0
loop:
	if i < 3 {
		fmt.Println("pass", i)
		i++
		goto loop
	}
	var fs []func() int
	n := 0
again:
	x := n * 10
	fs = append(fs, func() int { return x })
	n++
	if n < 3 {
		goto again
	}
	for _, f := range fs {
		fmt.Print(f(), " ")
	}
	fmt.Println()
	fmt.Println(find([][]int{{1, 2}, {3, 4}}, 4))
	fmt.Println(find([][]int{{1, 2}}, 9))
outer:
	for a := 0; a < 3; a++ {
		for b := 0; b < 3; b++ {
			if b == 2 {
				continue outer
			}
			if a == 2 {
				break outer
			}
			fmt.Print(a, b, ";")
		}
	}
	fmt.Println()
	k := 0
	goto check
inc:
	k += 5
check:
	if k < 12 {
		goto inc
	}
	fmt.Println("k", k)
}
