package main

import "fmt"

func main() {
outer:
	for i := 0; i < 4; i++ {
		for j := 0; j < 4; j++ {
			if j == 2 {
				continue outer
			}
			if i == 3 {
				break outer
			}
			fmt.Print(i, j, " ")
		}
	}
	fmt.Println()
	grid := [][]int{{1, 2}, {3, -1}, {5, 6}}
search:
	for r, row := range grid {
		for c, v := range row {
			if v < 0 {
				fmt.Println("negative at", r, c)
				break search
			}
		}
	}
loop:
	for i := 0; ; i++ {
		switch {
		case i%2 == 0:
			continue
		case i > 6:
			break loop
		}
		fmt.Print(i, " ")
	}
	fmt.Println()
}
