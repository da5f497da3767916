package main

import "fmt"

type Board [3][3]rune

func (b *Board) Set(r, c int, v rune) { b[r][c] = v }

func main() {
	var b Board
	b.Set(0, 0, 'X')
	b.Set(2, 2, 'O')
	for _, row := range b {
		fmt.Printf("%q\n", row)
	}
	b.Set(1, 3, 'X')
}
